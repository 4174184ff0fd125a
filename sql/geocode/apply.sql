-- Listings no provider located get a row with no coordinates and provider 'none', so later
-- stages know geocoding ran (implausible source coordinates were already dropped).
insert into stg_geocodes
select t.source, t.source_key, null, null, null, 'none',
from geo_todo as t
anti join stg_geocodes as g on g.source = t.source and g.source_key = t.source_key;
