-- severity: warn
-- Located therapists lie within geocode.max_distance_miles of their ZIP code's centroid.
select t.therapist_id, t.postal_code, round(haversine_miles(t.lat, t.lon, z.lat, z.lon), 1) as miles
from therapists as t
join ref_zip_centroids as z on z.postal_code = t.postal_code
where t.lat is not null and haversine_miles(t.lat, t.lon, z.lat, z.lon) > $max_miles;
