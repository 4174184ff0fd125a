-- Write the answers into staging in one pass. Listings no provider located keep no coordinates
-- (implausible source ones are dropped) and get provider 'none', so later stages know geocoding ran.
update stg_listings as s
set lat = g.lat, lon = g.lon, geocode_precision = g.geocode_precision,
    geocode_provider = coalesce(g.geocode_provider, 'none')
from geo_todo as t
left join geo_found as g on g.source = t.source and g.source_key = t.source_key
where s.source = t.source and s.source_key = t.source_key;
