select therapist_id, name, kind, credentials, business_name, phone, website, street, city, state,
    postal_code, lat, lon, geocode_precision, techniques, conditions, relevance_score,
    relevance_tier, evidence, sources, active, npi, licenses, listing_count, provenance, address_flags,
from therapists
where therapist_id = $therapist_id;
