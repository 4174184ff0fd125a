-- The resolution benchmark's listings as Parquet, for its peer (splink): the fields a resolver
-- compares, with the located coordinates; the truth stays in source_key ("e<N>-1", "e<N>-2").
copy (
    select s.source, s.source_key, s.kind, s.name, s.phone, s.street, s.suite, s.postal_code, s.city, s.state,
        s.npi, g.lat, g.lon,
    from stg_listings as s
    left join stg_geocodes as g on g.source = s.source and g.source_key = s.source_key
    order by s.source, s.source_key
) to '{out}' (format parquet);
