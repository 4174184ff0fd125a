insert into pipeline_runs (run_id, command, started_at, status)
values ($run_id, $command, $started_at, 'running');
