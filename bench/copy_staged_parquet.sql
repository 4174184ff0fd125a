-- The staged batch as Parquet: what the load benchmark's peers (dlt, and the bare CREATE TABLE AS floor) read.
copy (select * exclude (load_id, therapist_id) from stg_listings) to '{out}' (format parquet);
