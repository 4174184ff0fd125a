-- Macros persisted in the database file, usable from the DuckDB shell (`make sql`).

-- Great-circle distance in statute miles (mean Earth radius 3958.7613 mi).
create or replace macro haversine_miles(lat1, lon1, lat2, lon2) as
    2 * 3958.7613 * asin(sqrt(
        pow(sin(radians(lat2 - lat1) / 2), 2)
        + cos(radians(lat1)) * cos(radians(lat2)) * pow(sin(radians(lon2 - lon1) / 2), 2)
    ));

-- Order of relevance tiers, for filters like "at least medium".
create or replace macro tier_rank(tier) as
    case tier when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end;

-- Active therapists within `miles` of (lat, lon), nearest first, with distance_miles.
-- A bounding box prunes rows before the exact distance. It errs wide: a degree of latitude is at
-- least 68.7 mi, and a degree of longitude (69.17 mi * cos(latitude)) is measured at the box's
-- poleward edge.
create or replace macro bbox_lat_degrees(miles) as miles / 68.7;
create or replace macro bbox_lon_degrees(center_lat, miles) as
    miles / (69.17 * cos(radians(least(abs(center_lat) + miles / 68.7, 89.0))));

-- Active therapists within `miles` of (lat, lon), nearest first, with distance_miles.
create or replace macro therapists_near(center_lat, center_lon, miles) as table
    select
        t.*,
        haversine_miles(center_lat, center_lon, t.lat, t.lon) as distance_miles,
    from therapists as t
    where t.active
        and t.lat between center_lat - bbox_lat_degrees(miles) and center_lat + bbox_lat_degrees(miles)
        and t.lon between center_lon - bbox_lon_degrees(center_lat, miles)
                      and center_lon + bbox_lon_degrees(center_lat, miles)
        and haversine_miles(center_lat, center_lon, t.lat, t.lon) <= miles
    order by distance_miles, t.therapist_id;

-- The city join key: upper case, non-alphanumerics as spaces, SAINT as ST, single spaces.
-- Mirrors pipeline/gazetteer.py city_key(); keep them in step.
create or replace macro city_key(city, state) as
    trim(regexp_replace(
        regexp_replace(regexp_replace(upper(city), '[^A-Z0-9 ]', ' ', 'g'), '\bSAINT\b', 'ST', 'g'),
        '\s+', ' ', 'g'))
    || '|' || upper(state);

-- A person's or business's name reduced for matching: lower-case letters and digits, single-letter
-- tokens (middle initials) dropped, then the first and last remaining tokens.
create or replace macro name_key(name) as (
    with tokens as (
        select list_filter(
            string_split(trim(regexp_replace(lower(strip_accents(name)), '[^a-z0-9]+', ' ', 'g')), ' '),
            lambda t: length(t) > 1) as words
    )
    select case when len(words) = 0 then null
                when len(words) = 1 then words[1]
                else words[1] || ' ' || words[-1] end
    from tokens
);
