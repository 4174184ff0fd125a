select therapist_id, name, kind, credentials, business_name, phone, website, street, city, state,
    postal_code, lat, lon, geocode_precision, techniques, conditions, relevance_score,
    relevance_tier, evidence, sources, active, npi, licenses, listing_count,
    -- One listing gives every field of a therapist whose provenance is null (therapist_provenance.sql).
    coalesce(provenance, (
        select first(listing_provenance(l.source, l.source_key, l.name, l.business_name, l.phone, l.website,
                                        l.email, l.street, l.postal_code, l.city, l.lat, l.description,
                                        l.opening_hours, l.npi))
        from listings as l
        where l.therapist_id = t.therapist_id), []) as provenance,
    address_flags,
from therapists as t
where therapist_id = $therapist_id;
