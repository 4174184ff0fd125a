-- Entity resolution, step 1: the listings to cluster, their matching keys, the candidate pairs that
-- share a blocking key, and every signal and score of each pair. Steps 2 (clustering, in
-- pipeline/resolve.py) and 3 (IDs, assign.sql) follow.

-- Nodes: the staged batch plus every current active listing the batch does not replace.
create or replace temp table res_nodes as
with staged as (
    select s.source, s.source_key, s.kind, s.name, s.business_name, s.phone, s.email, s.website,
        s.street, s.suite, s.city, s.state, s.postal_code, g.lat, g.lon, g.geocode_precision, s.npi, s.licenses,
        l.therapist_id as existing_id, coalesce(l.first_seen, $now) as first_seen,
    from stg_listings as s
    left join stg_geocodes as g on g.source = s.source and g.source_key = s.source_key
    left join listings as l on l.source = s.source and l.source_key = s.source_key
    where s.kind <> 'site'  -- practice sites join no cluster: sql/load/site_links.sql attaches them
),
current as (
    select l.source, l.source_key, l.kind, l.name, l.business_name, l.phone, l.email, l.website,
        l.street, l.suite, l.city, l.state, l.postal_code, l.lat, l.lon, l.geocode_precision, l.npi, l.licenses,
        l.therapist_id as existing_id, l.first_seen,
    from listings as l
    where l.active and l.kind <> 'site'
        and not exists (
            select 1 from stg_listings as s where s.source = l.source and s.source_key = l.source_key)
),
everything as (
    select *,
        -- A person's words without generational suffixes; a business's name without its branch
        -- ("Tidewell Massage Studio - Wicker Park").
        case when kind = 'person'
             then list_filter(name_words(name), lambda w: w not in ('jr', 'sr', 'ii', 'iii', 'iv') and not surname_particle(w))
        end as person,
        name_words(split_part(coalesce(business_name, case when kind = 'business' then name end), ' - ', 1))
            as practice,
        website_host(website) as host,
    from (select * from staged union all by name select * from current)
)
select row_number() over (order by source, source_key)::integer - 1 as node,
    source, source_key, kind, name, business_name, phone, email,
    rtrim(lower(regexp_replace(website, '[?#].*$', '')), '/') as site,
    case when host is not null and not regexp_matches(host, $shared_hosts) then host end as host,
    street_key(street) as street_key, suite_key(suite) as suite_key, city, state, postal_code,
    lat, lon, precision_rank(geocode_precision) as precision,
    -- A grid cell of 0.01 degrees (about 1 km) for the nearby-and-same-name block.
    case when lat is not null then floor(lat * 100)::integer || ':' || floor(lon * 100)::integer end as cell,
    npi, license_keys(licenses) as license_keys,
    list_distinct(list_transform(license_keys(licenses), lambda k: split_part(k, ':', 1))) as license_states,
    person[1] as first,
    case when len(person) > 2 then person[2][1] end as middle,
    case when len(person) > 1 then person[-1] end as last,
    -- For surnames of two words written apart or together ("Ortega Brandt", "Ortega-Brandt") or
    -- half left out ("Garcia Lopez", "Lopez"): the words after the first name, and the last two joined.
    case when len(person) > 1 then list_filter(person[2:], lambda w: length(w) > 1) end as rest,
    case when len(person) > 2 then person[-2] || person[-1] end as tail,
    nullif(array_to_string(practice, ' '), '') as practice,
    existing_id, first_seen,
from everything;

-- How many different people a phone number is listed for: a clinic's shared line says little about
-- which of its therapists a listing is.
create or replace temp table res_phone_people as
select phone, count(distinct first || ' ' || last) as people,
from res_nodes
where phone is not null and last is not null
group by phone;

-- Blocking: only listings sharing one of these cheap keys are compared. A key shared by more than
-- max_block_size listings (a call centre, a franchise's booking line) is skipped.
create or replace temp table res_blocks as
with keys as (
    select node, 'npi:' || npi as key from res_nodes where npi is not null
    union all select node, 'phone:' || phone from res_nodes where phone is not null
    union all select node, 'email:' || lower(email) from res_nodes where email is not null
    union all select node, 'web:' || host from res_nodes where host is not null
    union all select node, 'licence:' || unnest(license_keys) from res_nodes
    union all select node, 'name:' || first || ' ' || last || '|' || postal_code
        from res_nodes where last is not null and postal_code is not null
    union all select node, 'practice:' || practice || '|' || postal_code
        from res_nodes where practice is not null and postal_code is not null
    union all select node, 'address:' || street_key || '|' || postal_code
        from res_nodes where street_key is not null and postal_code is not null
    -- Nearby with the same first name and surname initial, or surname and first initial: a typo in
    -- either name still meets its twin (whole first names alone are too common to block on).
    union all select node, 'near:' || cell || '|' || first || ' ' || last[1]
        from res_nodes where cell is not null and last is not null
    union all select node, 'near:' || cell || '|' || first[1] || ' ' || last
        from res_nodes where cell is not null and last is not null
)
select node, key, count(*) over (partition by key) as size,
from keys;

create or replace temp table res_candidates as
select distinct a.node as a, b.node as b,
from res_blocks as a
join res_blocks as b on a.key = b.key and a.node < b.node
where a.size between 2 and $max_block_size;

-- Scoring: independent signals, each worth points (positive for agreement, negative for
-- disagreement); the total decides. README "Entity resolution" lists them.
create or replace temp table res_scored as
with pairs as (
    select c.a, c.b,
        x.source as a_source, x.source_key as a_key, y.source as b_source, y.source_key as b_key,
        x.kind as x_kind, y.kind as y_kind, x.name as x_name, y.name as y_name,
        x.first as x_first, y.first as y_first, x.last as x_last, y.last as y_last,
        x.middle as x_middle, y.middle as y_middle, x.practice as x_practice, y.practice as y_practice,
        x.npi as x_npi, y.npi as y_npi, x.license_keys as x_lic, y.license_keys as y_lic,
        x.license_states as x_states, y.license_states as y_states,
        x.phone as x_phone, y.phone as y_phone, coalesce(pp.people, 0) as phone_people,
        x.email as x_email, y.email as y_email, x.site as x_site, y.site as y_site,
        x.host as x_host, y.host as y_host,
        x.street_key as x_street, y.street_key as y_street, x.suite_key as x_suite, y.suite_key as y_suite,
        x.postal_code as x_zip, y.postal_code as y_zip,
        least(x.precision, y.precision) as precision,
        haversine_miles(x.lat, x.lon, y.lat, y.lon) * 1609.344 as meters,
        ((words_match(x.first, y.first) and not given_name_variants(x.first, y.first))
            or ((length(x.first) = 1 or length(y.first) = 1) and x.first[1] = y.first[1])) as first_match,
        (words_match(x.last, y.last) or x.tail = y.last or y.tail = x.last
            or list_contains(x.rest, y.last) or list_contains(y.rest, x.last)) as last_match,
    from res_candidates as c
    join res_nodes as x on x.node = c.a
    join res_nodes as y on y.node = c.b
    left join res_phone_people as pp on pp.phone = x.phone
),
signals as (
    select *,
        case when x_npi = y_npi then 10 end as npi_points,
        case when list_has_any(x_lic, y_lic) then 8 end as license_points,
        case when x_kind = 'person' and y_kind = 'person' and x_last is not null and y_last is not null then
            case when x_first = y_first and x_last = y_last then 4
                 when first_match and last_match then 3
                 when last_match then -6  -- same surname, another first name: family or colleague
                 when first_match then -4
                 else -8 end
        end as name_points,
        case when x_middle <> y_middle and x_kind = 'person' and y_kind = 'person' then -2 end as middle_points,
        -- A business and a person: is the person's name in the business's name?
        case when x_kind = 'business' and y_kind = 'person' and y_last is not null then
                 case when list_has_all(name_words(x_name), [y_first, y_last]) then 3
                      when list_contains(name_words(x_name), y_last) then 1 end
             when x_kind = 'person' and y_kind = 'business' and x_last is not null then
                 case when list_has_all(name_words(y_name), [x_first, x_last]) then 3
                      when list_contains(name_words(y_name), x_last) then 1 end
        end as owner_points,
        case when x_kind = 'business' and y_kind = 'business' then
                 case when x_practice = y_practice then 3
                      when jaro_winkler_similarity(x_practice, y_practice) >= 0.92 then 2
                      else -3 end
             when x_practice = y_practice then 1
        end as practice_points,
        case when x_phone = y_phone then (case when phone_people > 1 then 1 else 3 end)
             when x_phone <> y_phone then -1 end as phone_points,
        case when lower(x_email) = lower(y_email) then 2 end as email_points,
        case when x_site = y_site then 2 when x_host = y_host then 1 end as website_points,
        case when x_street = y_street and x_zip = y_zip then 2
             -- A business listing is one location: another street is another branch.
             when x_street <> y_street and x_kind = 'business' and y_kind = 'business' then -4
        end as address_points,
        case when x_street = y_street and x_zip = y_zip and x_suite <> y_suite then -1
             when x_street = y_street and x_zip = y_zip and x_suite = y_suite then 1
        end as suite_points,
        -- Close together counts only when the streets do not already say they differ.
        case when meters <= 150 and precision >= 3 and x_street is not distinct from y_street then 1
             when meters <= 150 and precision >= 3 and (x_street is null or y_street is null) then 1
             when meters > 80467 then -2 end as distance_points,
    from pairs
)
select a, b, a_source, a_key, b_source, b_key,
    coalesce(npi_points, 0) + coalesce(license_points, 0) + coalesce(name_points, 0)
        + coalesce(middle_points, 0) + coalesce(owner_points, 0) + coalesce(practice_points, 0)
        + coalesce(phone_points, 0) + coalesce(email_points, 0) + coalesce(website_points, 0)
        + coalesce(address_points, 0) + coalesce(suite_points, 0) + coalesce(distance_points, 0) as score,
    list_filter([
        {'signal': 'npi', 'points': npi_points, 'detail': x_npi},
        {'signal': 'licence', 'points': license_points,
         'detail': array_to_string(list_intersect(x_lic, y_lic), ', ')},
        {'signal': 'name', 'points': name_points, 'detail': x_name || ' / ' || y_name},
        {'signal': 'middle initial', 'points': middle_points, 'detail': x_middle || ' / ' || y_middle},
        {'signal': 'owner in business name', 'points': owner_points, 'detail': x_name || ' / ' || y_name},
        {'signal': 'practice name', 'points': practice_points, 'detail': x_practice || ' / ' || y_practice},
        {'signal': 'phone', 'points': phone_points,
         'detail': case when x_phone = y_phone and phone_people > 1
                        then x_phone || ' (shared by ' || phone_people || ' people)'
                        else x_phone || ' / ' || y_phone end},
        {'signal': 'email', 'points': email_points, 'detail': lower(x_email)},
        {'signal': 'website', 'points': website_points, 'detail': x_site || ' / ' || y_site},
        {'signal': 'address', 'points': address_points, 'detail': x_street || ' ' || x_zip || ' / ' || y_street || ' ' || y_zip},
        {'signal': 'suite', 'points': suite_points, 'detail': x_suite || ' / ' || y_suite},
        {'signal': 'distance', 'points': distance_points, 'detail': round(meters)::bigint || ' m'}
    ], lambda s: s.points is not null) as signals,
    case when x_npi <> y_npi then 'different NPIs (' || x_npi || ', ' || y_npi || ')'
         when list_has_any(x_states, y_states) and not list_has_any(x_lic, y_lic)
             then 'different licence numbers in ' || array_to_string(list_intersect(x_states, y_states), ', ')
    end as conflict,
from signals;
