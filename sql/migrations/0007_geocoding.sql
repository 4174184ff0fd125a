-- Online geocoding: answers (and failures) are cached per normalized address and provider.
alter table geocode_cache add column query varchar;  -- what was asked
alter table geocode_cache add column detail varchar;  -- the provider's label, or why the answer was refused

-- The cache key of an address: lower case, the suite left out (a building has one location).
create or replace macro address_key(street, city, state, postal_code) as
    lower(concat_ws('|', coalesce(trim(street), ''), coalesce(trim(city), ''), coalesce(state, ''),
                    coalesce(postal_code, '')));

-- Order of geocode precisions, for filters like "at least postal code".
create or replace macro precision_rank(level) as
    case level when 'source' then 4 when 'rooftop' then 4 when 'street' then 3
                   when 'postal_code' then 2 when 'city' then 1 else 0 end;
