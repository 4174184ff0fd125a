-- What schema.org says of a practice besides its address: the price range, the payment it
-- accepts and the languages it is offered in (lists are unions over a therapist's listings).
alter table stg_listings add column price_range varchar;
alter table stg_listings add column payment_accepted varchar[];
alter table stg_listings add column languages varchar[];

alter table listings add column price_range varchar;
alter table listings add column payment_accepted varchar[];
alter table listings add column languages varchar[];

alter table listing_history add column price_range varchar;
alter table listing_history add column payment_accepted varchar[];
alter table listing_history add column languages varchar[];

alter table therapists add column price_range varchar;
alter table therapists add column payment_accepted varchar[];
alter table therapists add column languages varchar[];
