-- Therapists near a point: a bounding box first (the table is sorted by latitude, so DuckDB skips
-- the row groups outside it), then the exact distance, the technique, tier and precision filters.
-- The box comes from pipeline/search.py and the filters arrive as lists of accepted values: a
-- plain query binds in a fraction of the time the macro-built one takes (half of a 5 ms search).
-- `therapists_near(lat, lon, miles)` gives the same rows in the DuckDB shell.
select therapist_id, name, city, state, phone, relevance_tier, relevance_score, techniques, geocode_precision,
    round(distance, 1) as distance_miles,
from (
    select t.therapist_id, t.name, t.city, t.state, t.phone, t.relevance_tier, t.relevance_score, t.techniques,
        t.geocode_precision, haversine_miles($lat, $lon, t.lat, t.lon) as distance,
    from therapists as t
    where t.active
        and t.lat between $south and $north and t.lon between $west and $east
        and list_contains($tiers, t.relevance_tier)
        and list_contains($precisions, coalesce(t.geocode_precision, 'none'))
        and list_has_all(t.techniques, $techniques)
)
where distance <= $miles
order by case when $sort = 'relevance' then -relevance_score else 0 end, distance, therapist_id
limit $limit;
