-- History (SCD type 2): every version of every listing, with the period it was current.
-- A version opens when a listing is first seen, when its content changes, when it goes inactive
-- and when it comes back; the previous version closes at that moment (valid_to). The current
-- version of a listing is the one with valid_to null. Columns: those of `listings` without the
-- sighting bookkeeping (first_seen, last_seen, updated_at), plus the version's period and why it opened.
create table listing_history as
select * exclude (first_seen, last_seen, updated_at),
    null::timestamp as valid_from,
    null::timestamp as valid_to,
    null::varchar as change,  -- new, changed, deactivated or reactivated
from listings
where false;

-- Listings loaded before history was kept: one open version each, from their last change.
insert into listing_history by name
select * exclude (first_seen, last_seen, updated_at),
    coalesce(updated_at, first_seen) as valid_from, null::timestamp as valid_to, 'new' as change,
from listings;

-- Every row says which run wrote it.
alter table geocode_cache add column load_id varchar;

-- Fingerprints of the settings derived tables depend on (the relevance thresholds and
-- survivorship rules behind `therapists`): when one changes, the next load rebuilds in full.
create table derived_settings (
    name varchar not null,
    fingerprint varchar,
    load_id varchar,
);
