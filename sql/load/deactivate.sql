-- Listings missing from a complete crawl of their source become inactive (never deleted).
-- Only crawls whose batch is being loaded count; partial or failed crawls deactivate nothing.
-- Practice sites that could not be read (stg_retained) stay active until survivorship.stale_after.
create or replace temp table load_vanished as
select l.source, l.source_key
from listings as l
where l.active
    and l.source in (
        select c.source
        from crawls as c
        where c.status = 'complete'
            and c.run_id in (select distinct load_id from stg_listings)
            and c.source in (select distinct source from stg_listings))
    and not exists (
        select 1 from stg_listings as s where s.source = l.source and s.source_key = l.source_key)
    -- A practice site that could not be read this time keeps its last good evidence until it is stale.
    and not exists (
        select 1 from stg_retained as r
        where r.source = l.source and r.site = website_host(l.source_key) and l.last_seen >= $stale_before);

insert into load_touched
select l.therapist_id from listings as l join load_vanished as v using (source, source_key);

-- Their current versions close (into listing_versions) and the listings, inactive, open the next.
insert into listing_versions by name
select l.* exclude (first_seen, last_seen, updated_at, version_from, version_change),
    l.version_from as valid_from, $now as valid_to, l.version_change as change,
from listings as l
join load_vanished as v on v.source = l.source and v.source_key = l.source_key;

update listings as l
set active = false, updated_at = $now, version_from = $now, version_change = 'deactivated'
from load_vanished as v
where v.source = l.source and v.source_key = l.source_key;

select count(*) from load_vanished;
