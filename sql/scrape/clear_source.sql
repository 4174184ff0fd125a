-- A new crawl of a source supersedes any batch of it still waiting to be loaded.
delete from stg_listings where source = $source;
delete from stg_geocodes where source = $source;
delete from stg_geocode_services where source = $source;
delete from stg_retained where source = $source;
