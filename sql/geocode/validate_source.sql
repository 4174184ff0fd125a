-- Source coordinates farther than $max_miles from the listing's own ZIP (or city) centroid are
-- refused as a mismatch, so the next provider in the chain gets its turn.
create or replace temp table geo_mismatch as
select f.source, f.source_key,
from stg_geocodes as f
join geo_todo as t on t.source = f.source and t.source_key = f.source_key
left join ref_zip_centroids as z on z.postal_code = t.postal_code and (t.state is null or z.state = t.state)
left join ref_city_centroids as c on c.city_key = city_key(t.city, t.state)
where f.geocode_provider = 'source'
    and coalesce(haversine_miles(f.lat, f.lon, z.lat, z.lon), haversine_miles(f.lat, f.lon, c.lat, c.lon)) > $max_miles;

delete from stg_geocodes as f
using geo_mismatch as m
where f.source = m.source and f.source_key = m.source_key;

select count(*) from geo_mismatch;
