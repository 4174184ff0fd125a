-- Compare the staged batch with the current listings by content hash.
create or replace temp table load_diff as
select s.source, s.source_key,
    case when l.source_key is null then 'new'
         when l.content_hash is distinct from s.content_hash then 'changed'
         else 'unchanged' end as change,
    l.first_seen, l.updated_at, l.active as was_active,
    l.therapist_id as old_therapist_id, s.therapist_id as new_therapist_id,
from stg_listings as s
left join listings as l on l.source = s.source and l.source_key = s.source_key;

select change, count(*) from load_diff group by all order by all;
