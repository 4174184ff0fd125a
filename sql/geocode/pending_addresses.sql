-- Addresses still unlocated that an online provider has not answered yet (a remembered failure is
-- asked again only once it is older than $retry_after).
with open_rows as (
    select s.street, s.city, s.state, s.postal_code, address_key(s.street, s.city, s.state, s.postal_code) as key,
    from stg_listings as s
    anti join stg_geocodes as f on f.source = s.source and f.source_key = s.source_key
    where s.street is not null or s.postal_code is not null or s.city is not null
)
select key as address_key, any_value(street) as street, any_value(city) as city, any_value(state) as state,
    any_value(postal_code) as postal_code,
from open_rows as o
where not exists (
    select 1 from geocode_cache as c
    where c.provider = $provider and c.address_key = o.key
        and (c.status = 'ok' or c.created_at >= $retry_after))
group by key
order by key;
