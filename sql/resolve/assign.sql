-- Entity resolution, step 3: one therapist_id per cluster, stable across runs.
--   * An existing ID lives on in the cluster holding most of its listings (a split keeps the ID on
--     the larger part; ties go to the part with the smaller node).
--   * A cluster holding several living IDs keeps the oldest; the others retire into it (a merge).
--   * A cluster with none gets a new ID derived from its first listing's key, so a rebuild from
--     scratch gives the same IDs; a key whose ID was already handed out is salted.
create or replace temp table res_members as
select n.node, n.source, n.source_key, n.existing_id, coalesce(c.cluster, n.node) as cluster,
from res_nodes as n
left join res_clusters as c using (node);

create or replace temp table res_homes as
with held as (
    select existing_id, cluster, count(*) as members,
    from res_members
    where existing_id is not null
    group by all
)
select existing_id, arg_min(cluster, (-members, cluster)) as cluster,
from held
group by existing_id;

create or replace temp table res_cluster_ids as
with homed as (
    select h.cluster, h.existing_id, coalesce(i.first_seen, '9999-12-31'::timestamp) as born,
    from res_homes as h
    left join therapist_ids as i on i.therapist_id = h.existing_id
),
kept as (
    select cluster, arg_min(existing_id, (born, existing_id)) as therapist_id,
    from homed
    group by cluster
),
seeds as (
    select m.cluster, min(m.source || '|' || m.source_key) as seed,
    from res_members as m
    where m.cluster not in (select cluster from kept)
    group by m.cluster
),
fresh as (
    select cluster, 't' || substr(sha256(seed), 1, 15) as plain, 't' || substr(sha256(seed || '#2'), 1, 15) as salted,
    from seeds
)
select cluster, therapist_id, false as is_new, from kept
union all
select f.cluster,
    case when f.plain in (select therapist_id from therapist_ids) or f.plain in (select existing_id from res_homes)
         then f.salted else f.plain end,
    true,
from fresh as f;

create or replace table stg_resolution as
select m.source, m.source_key, c.therapist_id,
from res_members as m
join res_cluster_ids as c using (cluster);

-- The ID changes the load stage applies: new IDs, and merged ones retired into their survivor.
create or replace table stg_id_changes as
select c.therapist_id, 'new' as change, null::varchar as retired_into,
from res_cluster_ids as c
where c.is_new
union all
select h.existing_id, 'retired', c.therapist_id,
from res_homes as h
join res_cluster_ids as c using (cluster)
where h.existing_id <> c.therapist_id;

update stg_listings as s
set therapist_id = r.therapist_id
from stg_resolution as r
where r.source = s.source and r.source_key = s.source_key;

-- The pairs compared, with their signals and what clustering made of them, for `therapists explain`.
delete from resolution_links;

insert into resolution_links by name
select s.a_source, s.a_key, s.b_source, s.b_key, s.score, s.signals, s.conflict,
    case when s.conflict is not null or r.reason is not null then 'refused'
         when s.score >= $threshold then 'match'
         else 'below_threshold' end as decision,
    coalesce(s.conflict, r.reason) as reason,
    (select max(load_id) from stg_listings) as load_id,
from res_scored as s
left join res_refused as r on r.a = s.a and r.b = s.b
-- Pairs far below the line only show that two listings shared a blocking key: not worth keeping.
where s.score > 0 or s.conflict is not null;

select count(distinct therapist_id) as therapists, count(*) as listings,
    (select count(*) from stg_id_changes where change = 'retired') as retired,
from stg_resolution;
