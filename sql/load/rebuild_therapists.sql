-- Rebuild therapists from listings: one row per therapist_id. Scalar fields come from one listing
-- each, chosen by the survivorship rules, and `provenance` says which; lists are unions.
-- Only the therapists in load_scope (see scope.sql) are rebuilt. Practice sites attached to a
-- therapist (site_links) count as its listings for evidence, techniques, score and sources, and
-- give a scalar field only when none of its own listings has it; never a name, credential or licence.
delete from therapists where therapist_id in (select therapist_id from load_scope);

-- A therapist formed by one listing and no attached site (nearly every one of a first load) is a
-- projection of that listing: no ranking, no aggregation (`rebuilt_solo` below gives, column for column,
-- what `grouped` gives for one row; tests/warehouse/test_load.py compares the two on the demo).
-- $solo = false sends everyone through `grouped` (that test's reference).
-- The few others (`rebuild_grouped`) are listed first, so the grouped rebuild reads only their
-- listings instead of joining a scope of 10^6 twice.
create or replace temp table rebuild_grouped as
select therapist_id
from listings
-- ($full: the scope is every listed therapist, and DuckDB skips the semi-join.)
where therapist_id is not null and ($full or therapist_id in (select therapist_id from load_scope))
group by therapist_id
having count(*) > 1 or not $solo
union
select therapist_id from site_links where therapist_id in (select therapist_id from load_scope);

-- The rest (`rebuild_solo`) are listed too: filtering the solo listings by the scope and then by
-- rebuild_grouped inside the insert made DuckDB misjudge its size and build the slug join's hash
-- table from 10^6 wide rows instead of the slugs (3.3 CPU-s instead of 0.4 per 10^6).
create or replace temp table rebuild_solo as
select therapist_id from load_scope where therapist_id not in (select therapist_id from rebuild_grouped);

-- The grouped therapists are computed here into `rebuilt_grouped`; the solo ones stay a view
-- (`rebuilt_solo`), read once by the insert (sql/load/insert_rebuilt.sql): materialising 10^6
-- solo rows cost as much as inserting them. `rebuilt` is both, before the tier and slug the insert
-- adds to every row; assign_slugs.sql reads only its names and cities. Licences and evidence are
-- de-duplicated only where several listings meet (a listing's own evidence is one item per term).
create or replace temp table rebuilt_grouped as
with ranked as (
    -- Survivorship: inactive listings only speak when no active one does, stale ones (not seen for
    -- survivorship.stale_after) when no fresh one does; then each field follows its own source
    -- order (survivorship_ranks, from config); ties go to the listing seen last, then the oldest.
    select l.*,
        row_number() over (
            partition by l.therapist_id
            order by l.active desc, l.relevance_score desc, l.first_seen, l.source, l.source_key
        ) as rank,
        -- Fresh, then stale, then inactive, then attached sites; within each, seen last first, then the oldest.
        -- One integer, so the nine per-field keys below are integers too (struct keys cost 3x).
        (case when l.attached then 3 when not l.active then 2 when l.last_seen < $stale_before then 1 else 0 end)
            * 1000000000::bigint
            + row_number() over (partition by l.therapist_id
                                 order by l.last_seen desc, l.first_seen, l.source, l.source_key) as fresh,
        coalesce(r.name, 999) as r_name, coalesce(r.business_name, 999) as r_business_name,
        coalesce(r.phone, 999) as r_phone, coalesce(r.website, 999) as r_website, coalesce(r.email, 999) as r_email,
        coalesce(r.address, 999) as r_address, coalesce(r.description, 999) as r_description,
        coalesce(r.opening_hours, 999) as r_opening_hours, coalesce(r.npi, 999) as r_npi,
    from (
        select *, false as attached from listings
        where therapist_id in (select therapist_id from rebuild_grouped)
        union all by name
        select s.* replace (k.therapist_id as therapist_id), true as attached
        from listings as s
        join site_links as k on k.source = s.source and k.source_key = s.source_key
        where k.therapist_id in (select therapist_id from rebuild_grouped)
    ) as l
    left join survivorship_ranks as r on r.source = l.source
),
keyed as (
    -- key = class (inactive/stale/fresh) * 10^9 + the field's source rank * 10^6 + freshness order.
    select *,
        fresh + r_name * 1000000 as k_name,
        fresh + r_business_name * 1000000 as k_business_name,
        fresh + r_phone * 1000000 as k_phone,
        fresh + r_website * 1000000 as k_website,
        fresh + r_email * 1000000 as k_email,
        -- The address, its coordinates and their precision travel together from one listing: one
        -- with a street to visit (a PO box is a mailing address) and coordinates if possible.
        (fresh // 1000000000) * 10000000000000 + (coalesce(po_box, false)::integer * 4
            + (street is null)::integer * 2 + (lat is null)::integer) * 1000000000000
            + r_address * 1000000 + fresh % 1000000000 as k_address,
        fresh + r_description * 1000000 as k_description,
        fresh + r_opening_hours * 1000000 as k_opening_hours,
        fresh + r_npi * 1000000 as k_npi,
    from ranked
),
grouped as (
    select therapist_id,
        arg_min(name, k_name) filter (where name is not null and not attached) as name,
        arg_min(kind, k_name) filter (where name is not null and not attached) as kind,
        list_distinct(flatten(list_transform(list_sort(list({'r': rank, 'v': credentials}) filter (where not attached)), lambda x: x.v))) as credentials,
        arg_min(business_name, k_business_name) filter (where business_name is not null) as business_name,
        arg_min(phone, k_phone) filter (where phone is not null) as phone,
        arg_min(website, k_website) filter (where website is not null) as website,
        arg_min(email, k_email) filter (where email is not null) as email,
        arg_min(concat_ws(', ', street, suite), k_address) filter (where has_address) as street,
        arg_min(city, k_address) filter (where has_address) as city,
        arg_min(state, k_address) filter (where has_address) as state,
        arg_min(postal_code, k_address) filter (where has_address) as postal_code,
        arg_min(lat, k_address) filter (where has_address) as lat,
        arg_min(lon, k_address) filter (where has_address) as lon,
        arg_min(geocode_precision, k_address) filter (where has_address) as geocode_precision,
        arg_min(address_flags, k_address) filter (where has_address) as address_flags,
        arg_min(description, k_description) filter (where description is not null) as description,
        arg_min(opening_hours, k_opening_hours) filter (where opening_hours is not null) as opening_hours,
        -- The practice's details travel with its opening hours' source order.
        arg_min(price_range, k_opening_hours) filter (where price_range is not null) as price_range,
        list_sort(list_distinct(flatten(list(payment_accepted) filter (where active)))) as payment_accepted,
        list_sort(list_distinct(flatten(list(languages) filter (where active)))) as languages,
        arg_min(npi, k_npi) filter (where npi is not null) as npi,
        -- Null when one listing gives every field (as for `rebuilt_solo` below; therapist_provenance names it).
        case when count(*) > 1 then list_filter([
            {'field': 'name', 'source': arg_min(source, k_name) filter (where name is not null and not attached),
             'source_key': arg_min(source_key, k_name) filter (where name is not null and not attached)},
            {'field': 'business_name', 'source': arg_min(source, k_business_name) filter (where business_name is not null),
             'source_key': arg_min(source_key, k_business_name) filter (where business_name is not null)},
            {'field': 'phone', 'source': arg_min(source, k_phone) filter (where phone is not null),
             'source_key': arg_min(source_key, k_phone) filter (where phone is not null)},
            {'field': 'website', 'source': arg_min(source, k_website) filter (where website is not null),
             'source_key': arg_min(source_key, k_website) filter (where website is not null)},
            {'field': 'email', 'source': arg_min(source, k_email) filter (where email is not null),
             'source_key': arg_min(source_key, k_email) filter (where email is not null)},
            {'field': 'address', 'source': arg_min(source, k_address) filter (where has_address),
             'source_key': arg_min(source_key, k_address) filter (where has_address)},
            {'field': 'description', 'source': arg_min(source, k_description) filter (where description is not null),
             'source_key': arg_min(source_key, k_description) filter (where description is not null)},
            {'field': 'opening_hours', 'source': arg_min(source, k_opening_hours) filter (where opening_hours is not null),
             'source_key': arg_min(source_key, k_opening_hours) filter (where opening_hours is not null)},
            {'field': 'npi', 'source': arg_min(source, k_npi) filter (where npi is not null),
             'source_key': arg_min(source_key, k_npi) filter (where npi is not null)}
        ], lambda p: p.source is not null) end as provenance,
        flatten(list_transform(list_sort(list({'r': rank, 'v': licenses}) filter (where active and not attached)), lambda x: x.v)) as all_licenses,
        -- Every spelling of the name the active listings give, for the display name below.
        list_transform(list_sort(list({'r': rank, 'v': name}) filter (where active and name is not null and not attached)), lambda x: x.v) as all_names,
        list_sort(list_distinct(list(attribution) filter (where attribution is not null))) as attribution,
        flatten(list_transform(list_sort(list({'r': rank, 'v': evidence}) filter (where active)), lambda x: x.v)) as all_evidence,
        list_sort(list_distinct(flatten(list(techniques) filter (where active)))) as techniques,
        list_sort(list_distinct(flatten(list(conditions) filter (where active)))) as conditions,
        coalesce(max(relevance_score) filter (where active), 0) as relevance_score,
        list_sort(list_distinct(list(source))) as sources,
        count(*) filter (where active and not attached) as listing_count,
        min(first_seen) filter (where not attached) as first_seen,
        max(last_seen) filter (where not attached) as last_seen,
        bool_or(active) filter (where not attached) as active,
        -- No listing had any text to judge: "unknown", not "none" (pipeline/relevance/classify.py).
        coalesce(bool_and(relevance_tier = 'unknown') filter (where active), false) as nothing_read,
        max(updated_at) as updated_at,
    -- Coordinates alone are an address too (sql/views/resolution_macros.sql).
    from (select *, has_address(street, postal_code, city, lat) as has_address from keyed)
    group by therapist_id
)
select g.* exclude (all_names, name, all_evidence, all_licenses),
    -- The display name keeps its diacritics when any source has them: "Tomás Reyes" from the
    -- therapist's own page over "TOMAS REYES" from NPPES (the same name once accents are folded).
    -- (Lambdas cost: a therapist with one spelling, or none, skips them.)
    case when g.all_names is null or (len(g.all_names) = 1 and g.all_names[1] = g.name) then g.name
         else coalesce(list_sort(list_filter(g.all_names, lambda n: n <> strip_accents(n)
                                   and lower(strip_accents(n)) = lower(strip_accents(g.name))))[1], g.name)
    end as name,
    distinct_licenses(g.all_licenses) as licenses,  -- each licence once, from the best listing that has it
    -- One piece of evidence per technique or condition: the first, from the best listing.
    list_sort(case when len(g.all_evidence) > 1
                   then list_filter(g.all_evidence, lambda item, i: list_position(
                            list_transform(g.all_evidence, lambda other: other.technique), item.technique) = i)
                   else coalesce(g.all_evidence, []) end) as evidence,
from grouped as g;

-- What `grouped` computes from a single listing l (not attached, so every filter on attached holds);
-- its display name is its name. (A view, so no parameters here.)
create or replace temp view rebuilt_solo as
select therapist_id,
    name,
    case when name is not null then kind end as kind,
    case when len(credentials) = 1 and credentials[1] is not null then credentials
         else list_distinct(coalesce(credentials, [])) end as credentials,
    business_name, phone, website, email,
    case when has_address then concat_ws(', ', street, suite) end as street,
    case when has_address then city end as city,
    case when has_address then state end as state,
    case when has_address then postal_code end as postal_code,
    case when has_address then lat end as lat,
    case when has_address then lon end as lon,
    case when has_address then geocode_precision end as geocode_precision,
    case when has_address then address_flags end as address_flags,
    description, opening_hours, price_range,
    case when active then sorted_set(payment_accepted) end as payment_accepted,
    case when active then sorted_set(languages) end as languages,
    npi,
    -- One listing gives every field: no provenance is stored (see sql/views/therapist_provenance.sql).
    null::struct(field varchar, source varchar, source_key varchar)[] as provenance,
    distinct_licenses(case when active then licenses end) as licenses,
    case when attribution is not null then [attribution] end as attribution,
    -- A listing's evidence is one item per technique or condition already (pipeline/relevance/classify.py).
    case when not active then [] when len(evidence) > 1 then list_sort(evidence) else coalesce(evidence, []) end as evidence,
    case when active then sorted_set(techniques) end as techniques,
    case when active then sorted_set(conditions) end as conditions,
    coalesce(case when active then relevance_score end, 0) as relevance_score,
    [source] as sources,
    case when active then 1 else 0 end as listing_count,
    first_seen, last_seen, active,
    coalesce(case when active then relevance_tier = 'unknown' end, false) as nothing_read,
    updated_at,
from (select *, has_address(street, postal_code, city, lat) as has_address
      from listings where therapist_id in (select therapist_id from rebuild_solo));

create or replace temp view rebuilt as
select * from rebuilt_grouped
union all by name
select * from rebuilt_solo;
