-- Normalization keeps more of what sources say: the suite apart from the street, ZIP+4, PO boxes,
-- and any further phone numbers.
alter table stg_listings add column suite varchar;
alter table stg_listings add column zip4 varchar;
alter table stg_listings add column po_box boolean;
alter table stg_listings add column other_phones varchar[];

alter table listings add column suite varchar;
alter table listings add column zip4 varchar;
alter table listings add column po_box boolean;
alter table listings add column other_phones varchar[];
