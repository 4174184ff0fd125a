-- Provider "source": keep coordinates the source published when they are plausible.
update stg_listings
set geocode_precision = 'source', geocode_provider = 'source'
where geocode_precision is null
    and lat between -90 and 90 and lon between -180 and 180
    and not (lat = 0 and lon = 0);

-- Implausible source coordinates (out of range, 0,0) are dropped so the next provider tries.
update stg_listings
set lat = null, lon = null
where geocode_precision is null and (lat is not null or lon is not null);
