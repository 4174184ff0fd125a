-- Provider "source": keep the coordinates of the candidates (geo_source, from
-- source_candidates.sql) that lie near the listing's own ZIP (or city) centroid. Farther ones are
-- refused as a mismatch (counted by the last statement), so the next provider in the chain gets
-- its turn.

-- The refused: farther than $max_miles from the ZIP centroid (a ZIP counts only in the listing's
-- state, checked outside the join as in offline.sql), else from the city centroid. With neither
-- known the coordinates stay.
create or replace temp table geo_mismatch as
with checked as (
    select m.source, m.source_key, m.lat, m.lon, m.city, m.state, z.lat as zip_lat, z.lon as zip_lon,
        z.postal_code is not null and (m.state is null or z.state = m.state) as by_zip,
    from geo_source as m
    left join ref_zip_centroids as z on z.postal_code = m.postal_code  -- one row per ZIP
)
select k.source, k.source_key,
from checked as k
left join ref_city_centroids as c
    on c.city_key = case when not coalesce(k.by_zip, false) then city_key(k.city, k.state) end
where case when k.by_zip then haversine_miles(k.lat, k.lon, k.zip_lat, k.zip_lon)
           else haversine_miles(k.lat, k.lon, c.lat, c.lon) end > $max_miles;

insert into stg_geocodes  -- provider 'source' (migration 0020)
select m.source, m.source_key, m.lat, m.lon, 'source',
from geo_source as m
anti join geo_mismatch as x on x.source = m.source and x.source_key = m.source_key;

select count(*) from geo_mismatch;
