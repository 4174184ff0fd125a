insert into crawls (run_id, source, started_at, finished_at, status, listings, failures, message, stats)
values ($run_id, $source, $started_at, $finished_at, $status, $listings, $failures, $message, $stats);
