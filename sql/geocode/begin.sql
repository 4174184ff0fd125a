-- Each provider adds its answers to stg_geocodes (one narrow row per located listing); apply.sql
-- records the listings nobody located.
-- Staged listings without an answer yet (a rerun redoes nothing).
create or replace temp table geo_todo as
select s.source, s.source_key, s.lat, s.lon, s.street, s.postal_code, s.city, s.state,
from stg_listings as s
anti join stg_geocodes as g on g.source = s.source and g.source_key = s.source_key;
