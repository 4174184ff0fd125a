-- The public shape of a therapist, as exported to the website and usable from the shell:
--   select * from exportable_therapists('medium');
-- Timestamps are ISO 8601 UTC strings; last_seen (crawl bookkeeping) is left out so exports only
-- change when a therapist's content does. Re-created on every run (sql/views/ is not versioned).
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
