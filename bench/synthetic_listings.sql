-- Synthetic staged listings for the load and search benchmarks, generated inside DuckDB: `n`
-- fictional people spread over every US ZIP centroid, each with 0-3 techniques and a score and
-- tier that agree. Generated per run into a temporary database; never stored.
create or replace temp macro pick(items, i, salt) as items[1 + (hash(i, salt) % len(items))::integer];

create or replace temp table bench_zips as
select row_number() over (order by postal_code) - 1 as z, postal_code, city, state,
from ref_zip_centroids
where state not in ('PR', 'VI', 'GU', 'AS', 'MP', 'AA', 'AE', 'AP');

insert into stg_listings by name
with people as (
    select i,
        pick(['Ana', 'Ben', 'Cara', 'Dana', 'Eli', 'Faye', 'Gus', 'Hana', 'Ivan', 'Joan', 'Kai', 'Lena', 'Milo',
              'Nia', 'Omar', 'Pia', 'Quinn', 'Rosa', 'Sam', 'Tia'], i, 'first') as first,
        pick(['Ruiz', 'Cho', 'Diaz', 'Fox', 'Grant', 'Hale', 'Ito', 'Jain', 'Kerr', 'Lund', 'Moss', 'Nash',
              'Ortiz', 'Park', 'Quade', 'Reyes', 'Shaw', 'Tran'], i, 'last') as last,
        list_filter(['deep_tissue', 'neuromuscular', 'trigger_point', 'myofascial_release'],
                    lambda t: hash(i, t) % 3 = 0) as techniques,
        (hash(i, 'zip') % (select count(*) from bench_zips))::bigint as z,
    from range($n) as t(i)
)
select $load_id as load_id, 'bench' as source, 'b' || i as source_key, 'http://bench.test/t/' || i as url,
    '2026-01-01'::timestamp as fetched_at, first || ' ' || last as name, 'person' as kind, ['LMT'] as credentials,
    '+1' || (201 + hash(i, 'area') % 780)::varchar || (200 + hash(i, 'exchange') % 800)::varchar
        || lpad((hash(i, 'line') % 10000)::varchar, 4, '0') as phone,
    (1 + i % 9999)::varchar || ' ' || pick(['Main', 'Oak', 'Elm', 'Pine', 'Cedar'], i, 'street') || ' St' as street,
    z.city, z.state, z.postal_code,
    'Massage for back pain and sciatica.' as description,
    techniques, case when len(techniques) > 0 then ['sciatica'] else [] end as conditions,
    least(100, 35 * len(techniques) + case when len(techniques) > 0 then 40 else 0 end) as relevance_score,
    case when least(100, 35 * len(techniques) + case when len(techniques) > 0 then 40 else 0 end) >= 70 then 'high'
         when least(100, 35 * len(techniques) + case when len(techniques) > 0 then 40 else 0 end) >= 35 then 'medium'
         else 'none' end as relevance_tier,
    list_transform(techniques, lambda t: {'technique': t, 'snippet': replace(t, '_', ' '), 'field': 'services',
                                     'source_url': 'http://bench.test/t/' || i}) as evidence,
    ('0x' || left(sha256('b' || i), 32))::uhugeint as content_hash,  -- as records.content_hash: 128 bits
from people
join bench_zips as z using (z);

select count(*) from stg_listings;
