-- Provider "source", first step: the listings with plausible coordinates of their own (in range and
-- not the 0,0 of a missing value) and no answer yet; returns how many. Only they meet the centroid
-- tables (source.sql), and a batch with none skips that step: one scan is all it costs.
create or replace temp table geo_source as
select s.source, s.source_key, s.lat, s.lon, s.postal_code, s.city, s.state,
from stg_listings as s
anti join stg_geocodes as f on f.source = s.source and f.source_key = s.source_key
where s.lat between -90 and 90 and s.lon between -180 and 180
    and not (s.lat = 0 and s.lon = 0);
