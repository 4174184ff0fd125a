insert into crawls (run_id, source, started_at, finished_at, status, listings, failures, message)
values ($run_id, $source, $started_at, $finished_at, $status, $listings, $failures, $message);
