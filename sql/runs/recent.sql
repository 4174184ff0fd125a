-- The latest runs, newest first.
select run_id, command, started_at, finished_at, status, stages, counts, errors, fetch_stats
from pipeline_runs
order by started_at desc, run_id desc
limit $limit;
