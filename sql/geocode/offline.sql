-- Provider "offline": the ZIP centroid, else the city centroid (set-based joins, no network).
-- A ZIP in another state than the listing's is not trusted (normalization flagged the mismatch and
-- kept the state because the city did not agree with the ZIP): the city locates it instead.
insert into stg_geocodes
select t.source, t.source_key, z.lat, z.lon, 'postal_code', 'offline'
from geo_todo as t
anti join stg_geocodes as f on f.source = t.source and f.source_key = t.source_key
join ref_zip_centroids as z on z.postal_code = t.postal_code and (t.state is null or z.state = t.state);

-- Only the rows still unlocated compute a city key (a few regular expressions each).
insert into stg_geocodes
with remaining as (
    select t.source, t.source_key, city_key(t.city, t.state) as key
    from geo_todo as t
    anti join stg_geocodes as f on f.source = t.source and f.source_key = t.source_key
    where t.city is not null and t.state is not null
)
select r.source, r.source_key, c.lat, c.lon, 'city', 'offline'
from remaining as r
join ref_city_centroids as c on c.city_key = r.key;
