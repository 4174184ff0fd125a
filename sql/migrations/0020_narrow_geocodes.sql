-- Staged geocodes, cheaper to write: every string column costs a write of 10^6 rows about a tenth
-- of the ZIP join that fills them (precision and provider took the offline geocoder from 0.17 to
-- 0.23 s per 10^6). The precision comes from a fixed vocabulary, so it is an ENUM (a byte a row).
-- The provider follows from the precision ('source', 'offline', or 'none' when unlocated) except
-- for an online service, whose name goes to stg_geocode_services: the few rows it answered. The
-- view staged_geocodes (sql/views/staged_geocodes.sql) reads both as the one table was read.
create type geocode_precision as enum ('source', 'rooftop', 'street', 'postal_code', 'city');

create table stg_geocodes_next (
    source varchar not null,
    source_key varchar not null,
    lat double,
    lon double,
    geocode_precision geocode_precision,  -- null: no provider could locate the listing
);

create table stg_geocode_services (
    source varchar not null,
    source_key varchar not null,
    service varchar not null,  -- the online provider that answered ([geocode.providers.NAME])
);

insert into stg_geocodes_next
select source, source_key, lat, lon, geocode_precision::geocode_precision,
from stg_geocodes;

insert into stg_geocode_services
select source, source_key, geocode_provider,
from stg_geocodes
where geocode_provider not in ('source', 'offline', 'none');

drop table stg_geocodes;
alter table stg_geocodes_next rename to stg_geocodes;
