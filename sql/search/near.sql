-- Therapists near a point: bounding box, exact distance, technique and tier filters.
-- $techniques is a list; every listed technique must be offered. $sort: distance or relevance.
select
    t.therapist_id,
    t.name,
    t.city,
    t.state,
    t.phone,
    t.relevance_tier,
    t.relevance_score,
    t.techniques,
    t.geocode_precision,
    round(t.distance_miles, 1) as distance_miles,
from therapists_near($lat, $lon, $miles) as t
where tier_rank(t.relevance_tier) >= tier_rank($min_tier)
    and precision_rank(t.geocode_precision) >= precision_rank($precision)
    and list_has_all(t.techniques, $techniques)
order by
    case when $sort = 'relevance' then -t.relevance_score else 0 end,
    t.distance_miles,
    t.therapist_id
limit $limit;
