-- Fetching: failed URLs with their reason, and per-host / per-source fetch statistics.
create table fetch_failures (
    run_id varchar,
    source varchar,
    url varchar,
    reason varchar,  -- timeout, connection, http_503, robots_unavailable, too_large, redirects, ...
    status integer,  -- the last HTTP status, if any
    attempts integer,
    failed_at timestamp,
);

-- {"hosts": {host: {requests, bytes, status/200, retries, ...}}, "sources": {...}}
alter table pipeline_runs add column fetch_stats json;

-- The same statistics for one source's crawl.
alter table crawls add column stats json;
