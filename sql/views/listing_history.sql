-- History (SCD type 2): every version of every listing, with the period it was current.
-- Closed versions are rows of listing_versions; the current one is the listing itself (its
-- version_from and version_change), so a listing is stored once while it stays as it is.
-- Columns: those of `listings` without the sighting bookkeeping (first_seen, last_seen,
-- updated_at), plus valid_from, valid_to (null for the current version) and change (new,
-- changed, deactivated, reactivated).
create or replace view listing_history as
select * from listing_versions
union all by name
select * exclude (first_seen, last_seen, updated_at, version_from, version_change),
    version_from as valid_from, null::timestamp as valid_to, version_change as change,
from listings;
