-- Facts the structured sources state outright: NPI, licences, NUCC taxonomies, opening hours,
-- the licence notice that must travel with OSM data, and which extractor supplied each field.
alter table stg_listings add column opening_hours varchar;
alter table stg_listings add column npi varchar;
alter table stg_listings add column licenses struct(number varchar, state varchar, status varchar)[];
alter table stg_listings add column taxonomy_codes varchar[];
alter table stg_listings add column attribution varchar;
alter table stg_listings add column field_sources json;

alter table listings add column opening_hours varchar;
alter table listings add column npi varchar;
alter table listings add column licenses struct(number varchar, state varchar, status varchar)[];
alter table listings add column taxonomy_codes varchar[];
alter table listings add column attribution varchar;
alter table listings add column field_sources json;

alter table therapists add column opening_hours varchar;
alter table therapists add column attribution varchar[];  -- e.g. "© OpenStreetMap contributors (ODbL)"
