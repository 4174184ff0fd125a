-- Geocoding collects answers in a temp table first and writes staging once (sql/geocode/apply.sql):
-- DuckDB updates that filter on the very columns they set are ~100x slower.
create or replace temp table geo_found (
    source varchar,
    source_key varchar,
    lat double,
    lon double,
    geocode_precision varchar,
    geocode_provider varchar,
);

create or replace temp table geo_todo as
select source, source_key, lat, lon, street, postal_code, city, state
from stg_listings
where geocode_provider is null;
