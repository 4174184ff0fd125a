update pipeline_runs
set finished_at = $finished_at, status = $status, stages = $stages, counts = $counts, errors = $errors,
    fetch_stats = $fetch_stats
where run_id = $run_id;
