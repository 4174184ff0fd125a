-- Synthetic listings for the resolution benchmark, generated inside DuckDB: `entities` therapists
-- (one in ten a business, one person in ten working in a four-person clinic that shares a phone and
-- address), each with a first listing and, for a `dup_rate` share of them, a second from another source
-- spelled differently (shouted with a middle initial, more credentials, no phone, a typo, a suite
-- written otherwise), as the normalize stage leaves them. The true entity is the source_key's prefix "e<N>".
create or replace temp macro pick(items, i, salt) as items[1 + (hash(i, salt) % len(items))::integer];

create or replace temp table bench_zips as
select row_number() over (order by postal_code) - 1 as z, postal_code, city, state, lat, lon,
from ref_zip_centroids
where state not in ('PR', 'VI', 'GU', 'AS', 'MP', 'AA', 'AE', 'AP')
using sample reservoir(3000 rows) repeatable (7);

create or replace temp table bench_entities as
with names as (
    select ['Ana', 'Ben', 'Cara', 'Dana', 'Eli', 'Faye', 'Gus', 'Hana', 'Ivan', 'Joan', 'Kai', 'Lena', 'Milo',
            'Nia', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sam', 'Tia', 'Uma', 'Victor', 'Wes', 'Xavier', 'Yara', 'Zoe',
            'Aaron', 'Bella', 'Carlos', 'Diego', 'Emma', 'Felix', 'Grace', 'Hugo', 'Iris', 'Jonah', 'Kira',
            'Liam', 'Maya', 'Noah', 'Olga', 'Priya', 'Reza', 'Sofia', 'Theo', 'Ursula', 'Vera', 'Wanda',
            'Yusuf', 'Zara'] as firsts,
        ['Ruiz', 'Cho', 'Diaz', 'Fox', 'Grant', 'Hale', 'Ito', 'Jain', 'Kerr', 'Lund', 'Moss', 'Nash', 'Ortiz',
         'Park', 'Quade', 'Reyes', 'Shaw', 'Tran', 'Ueda', 'Vance', 'Wolfe', 'Xu', 'Young', 'Zane', 'Abbott',
         'Baker', 'Castro', 'Dunn', 'Ellis', 'Flores', 'Garcia', 'Hughes', 'Ingram', 'Jensen', 'Kovac',
         'Lopez', 'Meyer', 'Novak', 'Olsen', 'Patel', 'Quinn', 'Rossi', 'Silva', 'Torres', 'Usman', 'Vargas',
         'Walsh', 'Yates', 'Zimmer', 'Adler', 'Brooks', 'Chen', 'Dalton', 'Erikson', 'Fischer', 'Gomez',
         'Horvat', 'Iyer', 'Jones', 'Khan', 'Larsen', 'Morales', 'Nguyen', 'Obi', 'Petrov', 'Ramos', 'Sato',
         'Tanaka', 'Underwood', 'Volkov', 'Watts', 'Yilmaz', 'Zhou', 'Alvarez', 'Becker', 'Costa', 'Duarte',
         'Evans', 'Ferreira', 'Gupta', 'Harris', 'Ivanova', 'Jovanovic', 'Kim', 'Lam', 'Mendes', 'Nakamura',
         'Oakley', 'Pereira', 'Quintero', 'Romero', 'Schmidt', 'Thompson', 'Vu', 'Weber', 'Ybarra'] as lasts,
        ['Willow', 'Cedar', 'Harbor', 'Summit', 'River', 'Maple', 'Juniper', 'Sage', 'Aspen', 'Birch'] as brands
)
select i,
    hash(i, 'kind') % 10 = 0 as business,
    pick(firsts, i, 'first') as first,
    pick(lasts, i, 'last') as last,
    chr(65 + (hash(i, 'mid') % 26)::integer) as middle,
    pick(brands, i, 'brand') || ' ' || pick(lasts, i, 'last') as brand,
    -- One person in ten works in a clinic of four: the clinic's number and address are shared.
    case when hash(i, 'clinic') % 10 = 0 and hash(i, 'kind') % 10 <> 0 then -1 - i // 4 else i end as site,
    hash(i, 'npi') % 2 = 0 as has_npi,
    hash(i, 'dup') % 1000 < $dup_rate * 1000 as duplicated,
    hash(i, 'variant') % 5 as variant,
from range($entities) as t(i), names;

create or replace temp table bench_listings as
with sited as (
    select e.*, z.postal_code, z.city, z.state, z.lat, z.lon,
        -- Generated for this run only, never stored: a wide number space, so sites do not collide.
        '+1' || (201 + hash(e.site, 'area') % 780)::varchar || (200 + hash(e.site, 'exchange') % 800)::varchar
            || lpad((hash(e.site, 'line') % 10000)::varchar, 4, '0')
            as phone,
        (1 + hash(e.site, 'num') % 9000)::varchar || ' ' || pick(['Main', 'Oak', 'Elm', 'Pine', 'Cedar', 'Lake', 'Hill',
            'Park', 'Mill', 'Church'], e.site, 'street') || ' St' as street,
        'Suite ' || (1 + hash(e.site, 'suite') % 400)::varchar as suite,
    from bench_entities as e
    join bench_zips as z on z.z = (hash(e.site, 'zip') % 3000)::bigint
),
first_listing as (
    select 'e' || i || '-1' as source_key, case when has_npi and not business then 'nppes' else 'html' end as source,
        case when business then brand || ' Bodywork' else first || ' ' || last end as name,
        ['LMT'] as credentials,
        case when business then 'business' else 'person' end as kind,
        phone, street, suite, postal_code, city, state,
        case when has_npi and not business then '1' || lpad(i::varchar, 9, '0') end as npi,
        -- Each site somewhere within a couple of km of its ZIP's centre, each listing within ~50 m of it.
        lat + ((hash(site, 'y') % 4000)::integer - 2000) / 100000.0 + ((hash(i, 'dy') % 100)::integer - 50) / 100000.0 as lat,
        lon + ((hash(site, 'x') % 4000)::integer - 2000) / 100000.0 + ((hash(i, 'dx') % 100)::integer - 50) / 100000.0 as lon,
    from sited
),
second_listing as (
    select 'e' || i || '-2' as source_key, 'overpass' as source,
        case when business then upper(brand) || ' BODYWORK'
             when variant = 0 then upper(first || ' ' || middle || ' ' || last)
             when variant = 3 then first || ' ' || left(last, 2) || substr(last, 4, 1) || substr(last, 3, 1) || substr(last, 5)
             else first || ' ' || last end as name,
        case when variant = 1 then ['LMT', 'NCBTMB'] else [] end as credentials,
        case when business then 'business' else 'person' end as kind,
        case when variant = 2 then null else phone end as phone,
        upper(street) as street,
        case when variant = 4 then 'STE ' || split_part(suite, ' ', 2) else suite end as suite,
        postal_code, city, state, null as npi, lat, lon,
    from sited
    where duplicated
)
select * from first_listing union all select * from second_listing;

insert into stg_listings by name
select 'bench' as load_id, source, source_key, 'http://bench.test/' || source_key as url, name, kind, phone, street,
    suite, postal_code, city, state, npi, credentials, ('0x' || left(sha256(source_key), 32))::uhugeint as content_hash,
from bench_listings;

insert into stg_geocodes by name
select source, source_key, lat, lon, 'source' as geocode_precision,
from bench_listings;

select count(*) from stg_listings;
