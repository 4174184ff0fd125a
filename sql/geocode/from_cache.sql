-- Unlocated listings whose address $provider has answered (now or in an earlier run).
create or replace temp table geo_cached as
with latest as (
    select *
    from geocode_cache
    where provider = $provider
    qualify row_number() over (partition by address_key order by created_at desc) = 1
)
select s.source, s.source_key, c.lat, c.lon, c.precision,
from stg_listings as s
anti join stg_geocodes as f on f.source = s.source and f.source_key = s.source_key
join latest as c on c.address_key = address_key(s.street, s.city, s.state, s.postal_code)
where c.status = 'ok';

insert into stg_geocodes select * from geo_cached;

insert into stg_geocode_services
select source, source_key, $provider,
from geo_cached;

drop table geo_cached;
