-- The floor of a first load under the data contract (../shared/DESIGN.md): the located batch copied
-- into `listings` as it is, and into `therapists` (a one-listing therapist per listing, its columns
-- as they are, sorted by latitude as radius searches need); no slug, ID, history or provenance.
create table listings as select * from read_parquet($batch);

create table therapists as
select therapist_id, name, kind, credentials, business_name, npi, licenses, phone, website, email,
    street, city, state, postal_code, lat, lon, geocode_precision, description, techniques,
    conditions, relevance_score, relevance_tier, evidence, opening_hours, attribution,
    address_flags, price_range, payment_accepted, languages,
from read_parquet($batch)
order by lat;
