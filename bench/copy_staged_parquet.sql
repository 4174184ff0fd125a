-- The staged batch as Parquet: what the load benchmark's peers (dlt, and the bare CREATE TABLE AS floor) read.
-- (The content hash as text: Parquet has no 128-bit integer, and dlt takes it as the row version.)
copy (select * exclude (load_id, therapist_id) replace (content_hash::varchar as content_hash) from stg_listings)
to '{out}' (format parquet);
