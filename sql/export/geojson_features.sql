-- GeoJSON features (one per line) with what a map pin needs; export.py wraps them in a
-- FeatureCollection. Coordinates are [longitude, latitude] as GeoJSON requires.
copy (
    select
        'Feature' as type,
        {'type': 'Point', 'coordinates': [t.lon, t.lat]} as geometry,
        {
            'therapist_id': t.therapist_id,
            'name': t.name,
            'city': t.city,
            'state': t.state,
            'relevance_tier': t.relevance_tier,
            'relevance_score': t.relevance_score,
            'techniques': t.techniques,
            'geocode_precision': t.geocode_precision,
        } as properties,
    from exportable_therapists($min_tier) as t
    where t.lat is not null and t.lon is not null
) to '{out}' (format json);
