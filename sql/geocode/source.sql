-- Provider "source": keep coordinates the source published when they are plausible
-- (in range and not the 0,0 of a missing value).
insert into stg_geocodes
select t.source, t.source_key, t.lat, t.lon, 'source', 'source'
from geo_todo as t
where t.lat between -90 and 90 and t.lon between -180 and 180
    and not (t.lat = 0 and t.lon = 0)
    and not exists (select 1 from stg_geocodes as f where f.source = t.source and f.source_key = t.source_key);
