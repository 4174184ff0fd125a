-- The staged batch as Parquet with each listing's coordinates and therapist: what the contract floor
-- (parquet_contract_floor.sql) reads.
copy (
    select s.* exclude (load_id, lat, lon, geocode_precision, geocode_provider),
        g.lat, g.lon, g.geocode_precision::varchar as geocode_precision, g.geocode_provider,
    from stg_listings as s
    left join staged_geocodes as g on g.source = s.source and g.source_key = s.source_key
) to '{out}' (format parquet);
