-- Benchmark baseline: the same search without the bounding box (every row's exact distance).
select therapist_id, name, haversine_miles($lat, $lon, lat, lon) as distance_miles
from therapists
where active and list_has_all(techniques, ['deep_tissue'])
    and haversine_miles($lat, $lon, lat, lon) <= $miles
order by distance_miles, therapist_id
limit 20;
