-- The websites source's start list: every website the other sources' listings name (their
-- `website`, and schema.org `sameAs` links kept in raw_fields), one row per site (the host without
-- "www."), from the active listings and the batch staged earlier in this run.
with named as (
    select l.website, l.raw_fields
    from listings as l
    where l.active and l.kind <> 'site'
        and not exists (select 1 from stg_listings as s where s.source = l.source and s.source_key = l.source_key)
    union all
    select s.website, s.raw_fields
    from stg_listings as s
    where s.kind <> 'site'
),
urls as (
    select website as url from named where website is not null
    union
    select unnest(coalesce(try_cast(raw_fields -> '$.same_as' as varchar[]), [])) as url from named
)
select website_host(url) as site, list(distinct url order by url) as urls,
from urls
where website_host(url) is not null and regexp_matches(url, '^https?://', 'i')
group by 1
order by 1;
