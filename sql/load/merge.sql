-- Merge the staged batch into listings in one set-based pass (run inside one transaction).

-- The therapists this load touches (rebuilt afterwards): those of new, changed or returning
-- listings, before and after, and those whose listings the resolution moved. None when $full: the
-- load rebuilds every therapist anyway (a first load, changed settings), and DuckDB then skips
-- these joins of the batch with the listings altogether.
create or replace temp table load_touched as
select therapist_id from (
    select old_therapist_id as therapist_id from load_diff where change <> 'unchanged' or not was_active
    union
    select new_therapist_id from load_diff where change <> 'unchanged' or not was_active
    union
    select l.therapist_id from stg_resolution as r join listings as l using (source, source_key)
    where l.therapist_id is distinct from r.therapist_id
    union
    select r.therapist_id from stg_resolution as r join listings as l using (source, source_key)
    where l.therapist_id is distinct from r.therapist_id
    union
    select therapist_id from stg_id_changes
    union
    select retired_into from stg_id_changes)
where not $full;

-- History: the current versions that end now (changed listings, returning ones) close, copied
-- into listing_versions before the listing changes (sql/views/listing_history.sql).
insert into listing_versions by name
select l.* exclude (first_seen, last_seen, updated_at, version_from, version_change),
    l.version_from as valid_from, $now as valid_to, l.version_change as change,
from listings as l
join load_diff as d on d.source = l.source and d.source_key = l.source_key
where d.change = 'changed' or (d.change = 'unchanged' and not d.was_active);

-- Unchanged listings: only last_seen moves (and active, for one that came back).
update listings as l
set last_seen = $now
from load_diff as d
where d.change = 'unchanged' and d.was_active
    and d.source = l.source and d.source_key = l.source_key;

update listings as l
set last_seen = $now, active = true, updated_at = $now, load_id = s.load_id,
    version_from = $now, version_change = 'reactivated'
from stg_listings as s, load_diff as d
where d.change = 'unchanged' and not d.was_active
    and s.source = l.source and s.source_key = l.source_key
    and d.source = l.source and d.source_key = l.source_key;

-- Changed listings are replaced (delete + insert beats a wide UPDATE in DuckDB).
delete from listings as l
using load_diff as d
where d.change = 'changed' and d.source = l.source and d.source_key = l.source_key;

-- Re-point current listings whose cluster merged or split (resolve ran over them too). Before the
-- insert: the staged rows it adds carry their resolved IDs already (sql/resolve/assign.sql), and a
-- first load has nothing to re-point instead of a join of 10^6 rows with themselves (0.2 s).
update listings as l
set therapist_id = r.therapist_id
from stg_resolution as r
where r.source = l.source and r.source_key = l.source_key
    and l.therapist_id is distinct from r.therapist_id;

-- New and changed listings, each opening its current version (no copy in history: the view
-- reads it from here). Their keys meet their coordinates first, in narrow rows: joined inside the
-- insert, DuckDB built its hash table from the 10^6 wide staged rows (2.6 of 5.6 s per 10^6).
create or replace temp table load_incoming as
select d.source, d.source_key, d.change, d.first_seen,
    g.lat, g.lon, g.geocode_precision, g.geocode_provider,
from load_diff as d
left join staged_geocodes as g on g.source = d.source and g.source_key = d.source_key
where d.change in ('new', 'changed');

insert into listings by name
select s.* exclude (load_id, lat, lon, geocode_precision, geocode_provider),
    d.lat, d.lon, d.geocode_precision, d.geocode_provider,
    coalesce(d.first_seen, $now) as first_seen,
    $now as last_seen,
    $now as updated_at,
    true as active,
    s.load_id,
    $now as version_from,
    d.change as version_change,
from stg_listings as s
join load_incoming as d on d.source = s.source and d.source_key = s.source_key;

-- Therapist IDs: new ones recorded, merged ones retired into their survivor (and any ID already
-- retired into them follows, so a redirect is always one hop), inactive listings re-pointed.
insert into therapist_ids by name
select c.therapist_id, $now as first_seen, 'active' as status, $load_id as load_id,
from stg_id_changes as c
where c.change = 'new' and c.therapist_id not in (select therapist_id from therapist_ids);

update therapist_ids as i
set status = 'retired', retired_into = c.retired_into, retired_at = $now,
    load_id = $load_id
from stg_id_changes as c
where c.change = 'retired' and c.therapist_id = i.therapist_id;

update therapist_ids as i
set retired_into = c.retired_into
from stg_id_changes as c
where c.change = 'retired' and i.retired_into = c.therapist_id;

update listings as l
set therapist_id = c.retired_into
from stg_id_changes as c
where c.change = 'retired' and l.therapist_id = c.therapist_id;
