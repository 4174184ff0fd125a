-- Listings no provider located get a row with no coordinates and provider 'none', so later
-- stages know geocoding ran (implausible source coordinates were already dropped). Not needed
-- when offline ends the chain: it records them itself.
insert into stg_geocodes  -- provider 'none' (migration 0020)
select s.source, s.source_key, null, null, null,
from stg_listings as s
anti join stg_geocodes as g on g.source = s.source and g.source_key = s.source_key;
