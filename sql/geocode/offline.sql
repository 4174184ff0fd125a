-- Provider "offline": the ZIP centroid, else the city centroid, in one pass over the listings no
-- provider has located yet (set-based joins, no network).
-- A ZIP in another state than the listing's is not trusted (normalization flagged the mismatch and
-- kept the state because the city did not agree with the ZIP): the city locates it instead. That
-- check stays out of the join's ON clause: DuckDB 1.5 plans a left join whose ON holds an OR as a
-- nested loop (10^6 listings x 41,917 ZIPs: minutes); after a hash join on the ZIP it is free.
-- Only the rows the ZIP leaves unlocated compute a city key (a few regular expressions each): a
-- CASE evaluates its branch for the rows that take it, not for all of them.
-- When offline is the chain's last provider ($last), the listings it cannot locate get their
-- provider 'none' row here too, which spares apply.sql a second pass over the batch.
insert into stg_geocodes
with unlocated as (
    select s.source, s.source_key, s.city, s.state, z.lat, z.lon,
        z.postal_code is not null and (s.state is null or z.state = s.state) as by_zip,
    from stg_listings as s
    anti join stg_geocodes as f on f.source = s.source and f.source_key = s.source_key
    left join ref_zip_centroids as z on z.postal_code = s.postal_code  -- one row per ZIP
)
select u.source, u.source_key,
    case when u.by_zip then u.lat else c.lat end,
    case when u.by_zip then u.lon else c.lon end,
    case when u.by_zip then 'postal_code' when c.city_key is not null then 'city' end,
    case when u.by_zip or c.city_key is not null then 'offline' else 'none' end,
from unlocated as u
left join ref_city_centroids as c
    on c.city_key = case when not coalesce(u.by_zip, false) then city_key(u.city, u.state) end
where $last or u.by_zip or c.city_key is not null;
