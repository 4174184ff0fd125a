-- Staged listings still waiting for the geocode and resolve stages.
select
    count(*) filter (where g.source_key is null) as ungeocoded,
    count(*) filter (where s.therapist_id is null and s.kind <> 'site') as unresolved,
    count(*) as staged,
from stg_listings as s
left join stg_geocodes as g on g.source = s.source and g.source_key = s.source_key;
