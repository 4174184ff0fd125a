-- The baseline resolution: listings with the same name key and ZIP are one therapist (one GROUP BY).
create or replace temp table bench_exact as
select name_key(name) || '|' || postal_code as key, count(*) as listings, min(source_key) as first_key,
from stg_listings
group by all;
