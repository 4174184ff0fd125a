-- Provider "offline": the ZIP centroid, else the city centroid (set-based joins, no network).
insert into geo_found
select t.source, t.source_key, z.lat, z.lon, 'postal_code', 'offline'
from geo_todo as t
join ref_zip_centroids as z on z.postal_code = t.postal_code
where not exists (select 1 from geo_found as f where f.source = t.source and f.source_key = t.source_key);

insert into geo_found
select t.source, t.source_key, c.lat, c.lon, 'city', 'offline'
from geo_todo as t
join ref_city_centroids as c on c.city_key = city_key(t.city, t.state)
where t.city is not null and t.state is not null
    and not exists (select 1 from geo_found as f where f.source = t.source and f.source_key = t.source_key);
