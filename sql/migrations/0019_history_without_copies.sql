-- History without a second copy of every current listing. The closed versions (valid_to set) live
-- in listing_versions; the current version of each listing is its row in `listings`, which now
-- says when that version opened (version_from) and why (version_change). The view listing_history
-- (sql/views/listing_history.sql) shows both, column for column what the table held.
-- A first load of 10^6 listings wrote them twice (listings and their history): now once.
alter table listings add column version_from timestamp;
alter table listings add column version_change varchar;  -- new, changed, deactivated or reactivated

update listings as l
set version_from = h.valid_from, version_change = h.change
from listing_history as h
where h.valid_to is null and h.source = l.source and h.source_key = l.source_key;

update listings
set version_from = coalesce(updated_at, first_seen), version_change = 'new'
where version_from is null;

create table listing_versions as
select * from listing_history where valid_to is not null;

drop table listing_history;
