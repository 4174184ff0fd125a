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

-- The exported shape gains opening hours and attribution.
create or replace macro exportable_therapists(min_tier) as table
    select
        t.therapist_id,
        t.name,
        t.kind,
        t.credentials,
        t.business_name,
        t.npi,
        t.licenses,
        t.phone,
        t.website,
        t.email,
        t.street,
        t.city,
        t.state,
        t.postal_code,
        t.lat,
        t.lon,
        t.geocode_precision,
        t.description,
        t.opening_hours,
        t.techniques,
        t.conditions,
        t.relevance_score,
        t.relevance_tier,
        -- Only web links leave the warehouse: a local file path (a roster read from disk) is dropped.
        list_transform(t.evidence, e -> {
            'technique': e.technique, 'snippet': e.snippet, 'field': e.field,
            'source_url': case when regexp_matches(e.source_url, '^https?://') then e.source_url end,
        }) as evidence,
        t.sources,
        t.attribution,
        strftime(t.first_seen, '%Y-%m-%dT%H:%M:%SZ') as first_seen,
        strftime(t.updated_at, '%Y-%m-%dT%H:%M:%SZ') as updated_at,
    from therapists as t
    where t.active and tier_rank(t.relevance_tier) >= tier_rank(min_tier)
    order by t.therapist_id;
