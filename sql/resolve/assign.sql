-- Entity resolution, step 3: one therapist_id per cluster. A cluster keeps the ID of its oldest
-- member that already had one (so IDs survive new sources joining and clusters merging); a new
-- cluster gets an ID derived from its smallest node, so a rebuild from scratch gives the same IDs.
create or replace table stg_resolution as
with members as (
    select l.label, n.node, n.existing_id, n.first_seen,
    from res_labels as l
    join res_nodes as n using (node)
),
cluster_ids as (
    select label,
        coalesce(
            arg_min(existing_id, (first_seen, existing_id)) filter (where existing_id is not null),
            't' || substr(sha256(min(node)), 1, 15)
        ) as therapist_id,
    from members
    group by label
)
select split_part(m.node, '|', 1) as source,
    substr(m.node, length(split_part(m.node, '|', 1)) + 2) as source_key,
    c.therapist_id,
from members as m
join cluster_ids as c using (label);

update stg_listings as s
set therapist_id = r.therapist_id
from stg_resolution as r
where r.source = s.source and r.source_key = s.source_key;

select count(distinct therapist_id) as therapists, count(*) as listings from stg_resolution;
