-- Geocoding writes its answers to a narrow table of their own instead of updating four columns of
-- every wide staged row (DuckDB rewrites whole rows: 0.5 s per 10^6); the load joins them back.
create table stg_geocodes (
    source varchar not null,
    source_key varchar not null,
    lat double,
    lon double,
    geocode_precision varchar,
    geocode_provider varchar,  -- 'none' when no provider could locate the listing
);
