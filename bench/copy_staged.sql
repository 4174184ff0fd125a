-- The staged batch as NDJSON: what the load-benchmark baseline reads with read_json.
copy (select * exclude (load_id, therapist_id) from stg_listings) to '{out}' (format json);
