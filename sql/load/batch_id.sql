-- The run that staged the batch being loaded.
select max(load_id) from stg_listings;
