-- Listings no provider could locate are marked as tried, so later stages know geocoding ran.
update stg_listings
set geocode_provider = 'none'
where geocode_precision is null and geocode_provider is null;
