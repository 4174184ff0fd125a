-- The public shape of a therapist, as exported to the website and usable from the shell:
--   select * from exportable_therapists('medium');
-- Timestamps are ISO 8601 UTC strings; last_seen (crawl bookkeeping) is left out so exports only
-- change when a therapist's content does. Re-created whenever a file of sql/views/ changes (they are not versioned).
-- Safe to render: text is plain (tags, angle brackets and control characters removed), links are
-- http(s) only, and null means no source published the value.

-- Text as plain text: tags gone, then any angle bracket left; control characters and runs of
-- white space as one space.
create or replace macro plain_text(value) as
    nullif(trim(regexp_replace(regexp_replace(regexp_replace(value, '<[^>]*>', '', 'g'), '[<>]', '', 'g'),
                               '[\s\x00-\x1f\x7f]+', ' ', 'g')), '');

-- A web link or nothing: only http and https leave the warehouse.
create or replace macro web_link(url) as
    case when regexp_full_match(url, 'https?://[^\s<>"]+') then url end;

-- A North American number as "(512) 555-0142"; others stay in E.164.
create or replace macro phone_display(phone) as
    case when regexp_full_match(phone, '\+1[0-9]{10}')
         then '(' || substr(phone, 3, 3) || ') ' || substr(phone, 6, 3) || '-' || substr(phone, 9, 4)
         else phone end;

create or replace macro exportable_therapists(min_tier) as table
    select
        t.therapist_id,
        t.slug,
        plain_text(t.name) as name,
        t.kind,
        t.credentials,
        plain_text(t.business_name) as business_name,
        t.npi,
        t.licenses,
        t.phone,
        phone_display(t.phone) as phone_display,
        web_link(t.website) as website,
        t.email,
        plain_text(t.street) as street,
        plain_text(t.city) as city,
        t.state,
        t.postal_code,
        t.lat,
        t.lon,
        t.geocode_precision,
        -- City, state and ZIP derived from the source's coordinates (the nearest ZIP), not published.
        coalesce(list_contains(t.address_flags, 'from_coordinates'), false) as address_derived,
        plain_text(t.description) as description,
        plain_text(t.opening_hours) as opening_hours,
        plain_text(t.price_range) as price_range,
        coalesce(list_transform(t.payment_accepted, lambda p: plain_text(p)), []) as payment_accepted,
        coalesce(list_transform(t.languages, lambda lang: plain_text(lang)), []) as languages,
        t.techniques,
        t.conditions,
        t.relevance_score,
        t.relevance_tier,
        -- Only web links leave the warehouse: a local file path (a roster read from disk) is dropped.
        list_transform(t.evidence, lambda e: {
            'technique': e.technique, 'snippet': plain_text(e.snippet), 'field': e.field,
            'source_url': web_link(e.source_url),
        }) as evidence,
        t.sources,
        t.attribution,
        strftime(t.first_seen, '%Y-%m-%dT%H:%M:%SZ') as first_seen,
        strftime(t.updated_at, '%Y-%m-%dT%H:%M:%SZ') as updated_at,
    from therapists as t
    where t.active and tier_rank(t.relevance_tier) >= tier_rank(min_tier)
    order by t.therapist_id;
