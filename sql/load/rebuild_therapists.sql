-- Rebuild therapists from listings: one row per therapist_id. Scalar fields come from the best
-- listing that has them (active first, then most relevant, then oldest); lists are unions.
delete from therapists;

insert into therapists by name
with ranked as (
    select l.*,
        row_number() over (
            partition by l.therapist_id
            order by l.active desc, l.relevance_score desc, l.first_seen, l.source, l.source_key
        ) as rank,
    from listings as l
    where l.therapist_id is not null
),
merged as (
    select therapist_id,
        arg_min(name, rank) filter (where name is not null) as name,
        arg_min(kind, rank) filter (where kind is not null) as kind,
        list_distinct(flatten(list(credentials order by rank))) as credentials,
        arg_min(business_name, rank) filter (where business_name is not null) as business_name,
        arg_min(phone, rank) filter (where phone is not null) as phone,
        arg_min(website, rank) filter (where website is not null) as website,
        arg_min(email, rank) filter (where email is not null) as email,
        -- The address, its coordinates and their precision travel together from one listing; a PO
        -- box is a mailing address, so a listing with a street to visit is preferred for it.
        arg_min(concat_ws(', ', street, suite), (coalesce(po_box, false), rank))
            filter (where street is not null) as street,
        arg_min(city, rank) filter (where city is not null) as city,
        arg_min(state, rank) filter (where state is not null) as state,
        arg_min(postal_code, rank) filter (where postal_code is not null) as postal_code,
        arg_min(lat, rank) filter (where lat is not null) as lat,
        arg_min(lon, rank) filter (where lat is not null) as lon,
        arg_min(geocode_precision, rank) filter (where lat is not null) as geocode_precision,
        arg_min(description, rank) filter (where description is not null) as description,
        arg_min(opening_hours, rank) filter (where opening_hours is not null) as opening_hours,
        arg_min(npi, rank) filter (where npi is not null) as npi,
        list_distinct(flatten(list(licenses order by rank) filter (where active))) as licenses,
        list_sort(list_distinct(list(attribution) filter (where attribution is not null))) as attribution,
        flatten(list(evidence order by rank) filter (where active)) as all_evidence,
        list_sort(list_distinct(flatten(list(techniques) filter (where active)))) as techniques,
        list_sort(list_distinct(flatten(list(conditions) filter (where active)))) as conditions,
        coalesce(max(relevance_score) filter (where active), 0) as relevance_score,
        list_sort(list_distinct(list(source))) as sources,
        count(*) filter (where active) as listing_count,
        min(first_seen) as first_seen,
        max(last_seen) as last_seen,
        bool_or(active) as active,
        max(updated_at) as updated_at,
        arg_min(load_id, rank) as load_id,
    from ranked
    group by therapist_id
)
select m.* exclude (all_evidence),
    -- One piece of evidence per technique or condition: the first, from the best listing.
    list_sort(coalesce(list_filter(m.all_evidence, (item, i) ->
        list_position(list_transform(m.all_evidence, other -> other.technique), item.technique) = i), []))
        as evidence,
    case when relevance_score >= $high then 'high'
         when relevance_score >= $medium then 'medium'
         when relevance_score >= $low then 'low'
         else 'none' end as relevance_tier,
from merged as m
-- Sorted by latitude so radius searches' bounding boxes read few row groups.
order by lat, therapist_id;
