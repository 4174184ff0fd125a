insert into quality_results (run_id, check_name, severity, failing_rows, checked_at)
values ($run_id, $check_name, $severity, $failing_rows, $now);
