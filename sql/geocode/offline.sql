-- Provider "offline": the ZIP centroid, else the city centroid, in one pass over the listings no
-- provider has located yet (set-based joins, no network).
-- A ZIP in another state than the listing's is not trusted (normalization flagged the mismatch and
-- kept the state because the city did not agree with the ZIP): the city locates it instead. That
-- check stays out of the join's ON clause: DuckDB 1.5 plans a left join whose ON holds an OR as a
-- nested loop (10^6 listings x 41,917 ZIPs: minutes); after a hash join on the ZIP it is free.
-- One hash join looks up both kinds of centroid: the listing's ZIP or, when it gives none, its city
-- as spelled. Every left join is a pass over the whole batch, and city_key() (a few regular
-- expressions a row) was most of what the city pass cost; a city spelled as the gazetteer spells it
-- now computes no key. That lookup finds the very row city_key() would: each centroid's spelling
-- keys to it, and no spelling, state or ZIP holds a '|' (tests/geocode/test_offline.py), so a ZIP
-- never meets a 'city|state'; is_zip must match whether the listing gave a ZIP, in case a malformed
-- one holds '|'.
-- Only what is left (an unknown ZIP, a ZIP in another state, another spelling) computes a city key:
-- a CASE evaluates its branch for the rows that take it, not for all of them.
-- When offline is the chain's last provider ($last), the listings it cannot locate get their
-- provider 'none' row here too, which spares apply.sql a second pass over the batch.
insert into stg_geocodes
with centroids as (
    select postal_code as lookup, state, lat, lon, true as is_zip,
    from ref_zip_centroids  -- one row per ZIP
    union all
    select city || '|' || state, state, lat, lon, false,
    from ref_city_centroids  -- one row per city key, so one per spelling
),
unlocated as (
    select s.source, s.source_key, s.city, s.state, g.lat, g.lon, g.is_zip,
        g.is_zip = (s.postal_code is not null) and (s.state is null or g.state = s.state) as found,
    from stg_listings as s
    anti join stg_geocodes as f on f.source = s.source and f.source_key = s.source_key
    left join centroids as g on g.lookup = coalesce(s.postal_code, s.city || '|' || s.state)
)
select u.source, u.source_key,
    case when u.found then u.lat else c.lat end,
    case when u.found then u.lon else c.lon end,
    -- (Its provider, 'offline' or 'none', follows from the precision: migration 0020.)
    case when u.found and u.is_zip then 'postal_code'::geocode_precision
         when u.found or c.city_key is not null then 'city'::geocode_precision end,
from unlocated as u
left join ref_city_centroids as c
    on c.city_key = case when not coalesce(u.found, false) then city_key(u.city, u.state) end
where $last or u.found or c.city_key is not null;
