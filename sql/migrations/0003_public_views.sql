-- The public shape of a therapist, as exported to the website and usable from the shell:
--   select * from exportable_therapists('medium');
-- Timestamps are ISO 8601 UTC strings; last_seen (crawl bookkeeping) is left out so exports
-- only change when a therapist's content does.
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
        t.techniques,
        t.conditions,
        t.relevance_score,
        t.relevance_tier,
        t.evidence,
        t.sources,
        strftime(t.first_seen, '%Y-%m-%dT%H:%M:%SZ') as first_seen,
        strftime(t.updated_at, '%Y-%m-%dT%H:%M:%SZ') as updated_at,
    from therapists as t
    where t.active and tier_rank(t.relevance_tier) >= tier_rank(min_tier)
    order by t.therapist_id;
