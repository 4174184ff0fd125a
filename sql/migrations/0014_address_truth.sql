-- Addresses as real sources write them: the mailing line kept apart from the practice address
-- (a PO box beside a street, NPPES's mailing address), the listing's country (the scrape keeps only
-- the configured one), and what normalization found about the address (state_zip_mismatch,
-- state_from_zip, zip_restored, from_coordinates, unknown_zip, invalid_postal_code, invalid_state).
alter table stg_listings add column mailing_address varchar;
alter table stg_listings add column country varchar;
alter table stg_listings add column address_flags varchar[];

alter table listings add column mailing_address varchar;
alter table listings add column country varchar;
alter table listings add column address_flags varchar[];

alter table listing_history add column mailing_address varchar;
alter table listing_history add column country varchar;
alter table listing_history add column address_flags varchar[];

-- The therapist's address flags come with its address (from the same listing): `from_coordinates`
-- says its city, state and ZIP were derived from the source's coordinates.
alter table therapists add column address_flags varchar[];
