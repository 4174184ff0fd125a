-- The staged batch as Parquet with each listing's coordinates and therapist: what the contract floor
-- (parquet_contract_floor.sql) reads. (The content hash as text, as in copy_staged_parquet.sql.)
copy (
    select s.* exclude (load_id, lat, lon, geocode_precision, geocode_provider)
        replace (s.content_hash::varchar as content_hash),
        g.lat, g.lon, g.geocode_precision::varchar as geocode_precision, g.geocode_provider,
    from stg_listings as s
    left join staged_geocodes as g on g.source = s.source and g.source_key = s.source_key
) to '{out}' (format parquet);
