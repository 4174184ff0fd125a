-- The listings splink resolves, cleaned the way its tutorials clean theirs: lower case without
-- punctuation, a person's name split into first and last word, the suite's number alone, and the
-- cell (0.01 degree, about 1 km) and initials its blocking rules need. Runs in splink's own database.
create table listings as
with cleaned as (
    select source || ':' || source_key as unique_id, kind,
        list_filter(string_split(regexp_replace(lower(name), '[^a-z ]', '', 'g'), ' '), lambda w: w <> '') as words,
        phone, npi, lower(street) as street, regexp_extract(suite, '[0-9]+') as suite, postal_code, lat, lon,
    from read_parquet($listings)
)
select unique_id, kind,
    case when kind = 'person' then words[1] end as first_name,
    case when kind = 'person' and len(words) > 1 then words[-1] end as last_name,
    case when kind <> 'person' then array_to_string(words, ' ') end as business_name,
    phone, npi, street, nullif(suite, '') as suite, postal_code, lat, lon,
    floor(lat * 100)::integer || ':' || floor(lon * 100)::integer as cell,
from cleaned;
