-- severity: error
-- The active therapists did not fall by more than checks.max_active_drop_percent against the last published run.
with last_published as (
    select try_cast(json_extract_string(counts, '$."load/active_therapists"') as bigint) as active, run_id,
    from pipeline_runs
    where status in ('ok', 'partial') and json_extract_string(counts, '$."load/active_therapists"') is not null
    order by started_at desc
    limit 1
),
now_active as (
    select count(*) as active from therapists where active
)
select p.run_id as last_published_run, p.active as before, n.active as now,
    round(100.0 * (p.active - n.active) / p.active, 1) as drop_percent,
from last_published as p, now_active as n
where p.active >= $min_active and 100.0 * (p.active - n.active) / p.active > $max_drop_percent;
