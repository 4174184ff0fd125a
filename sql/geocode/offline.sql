-- Provider "offline": the ZIP centroid, else the city centroid (set-based joins, no network).
update stg_listings as s
set lat = z.lat, lon = z.lon, geocode_precision = 'postal_code', geocode_provider = 'offline'
from ref_zip_centroids as z
where s.geocode_precision is null and s.postal_code = z.postal_code;

update stg_listings as s
set lat = c.lat, lon = c.lon, geocode_precision = 'city', geocode_provider = 'offline'
from ref_city_centroids as c
where s.geocode_precision is null
    and s.city is not null and s.state is not null
    and city_key(s.city, s.state) = c.city_key;
