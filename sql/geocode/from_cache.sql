-- Unlocated listings whose address $provider has answered (now or in an earlier run).
insert into stg_geocodes
with latest as (
    select *
    from geocode_cache
    where provider = $provider
    qualify row_number() over (partition by address_key order by created_at desc) = 1
)
select t.source, t.source_key, c.lat, c.lon, c.precision, $provider,
from geo_todo as t
join latest as c on c.address_key = address_key(t.street, t.city, t.state, t.postal_code)
where c.status = 'ok'
    and not exists (select 1 from stg_geocodes as f where f.source = t.source and f.source_key = t.source_key);
