-- Located active therapists for the report's map, at most $limit of them (a stable sample).
select lat, lon, relevance_tier,
from therapists
where active and lat is not null and lon is not null
order by hash(therapist_id)
limit $limit;
