-- Therapists near a point: a bounding box first (the table is sorted by latitude, so DuckDB skips
-- the row groups outside it), then the exact distance, the technique, tier and precision filters.
-- The box comes from pipeline/search.py and every filter is a scalar parameter: list parameters
-- (and the table macro) cost a few milliseconds per query at 10^6 therapists; up to four
-- techniques, $technique_1..4, null when not asked for.
-- `therapists_near(lat, lon, miles)` gives the same rows in the DuckDB shell.
select therapist_id, name, city, state, phone, relevance_tier, relevance_score, techniques, geocode_precision,
    round(distance, 1) as distance_miles,
from (
    select t.therapist_id, t.name, t.city, t.state, t.phone, t.relevance_tier, t.relevance_score, t.techniques,
        t.geocode_precision, haversine_miles($lat, $lon, t.lat, t.lon) as distance,
    from therapists as t
    where t.active
        and t.lat between $south and $north and t.lon between $west and $east
        and tier_rank(t.relevance_tier) >= $tier_rank
        and precision_rank(t.geocode_precision) >= $precision_rank
        and ($technique_1 is null or list_contains(t.techniques, $technique_1))
        and ($technique_2 is null or list_contains(t.techniques, $technique_2))
        and ($technique_3 is null or list_contains(t.techniques, $technique_3))
        and ($technique_4 is null or list_contains(t.techniques, $technique_4))
)
where distance <= $miles
order by case when $sort = 'relevance' then -relevance_score else 0 end, distance, therapist_id
limit $limit;
