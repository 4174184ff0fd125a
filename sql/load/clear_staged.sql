-- The batch is loaded: empty the staging area so a rerun has nothing left to redo.
delete from stg_listings;
delete from stg_geocodes;
delete from stg_geocode_services;
delete from stg_retained;
drop table if exists stg_resolution;
drop table if exists stg_id_changes;
