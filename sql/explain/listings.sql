-- The listings resolved into one therapist, best first.
select source, source_key, url, name, phone, street, city, state, postal_code, mailing_address, address_flags,
    geocode_precision, relevance_score, relevance_tier, exclusion, active, first_seen, last_seen,
from listings
where therapist_id = $therapist_id
order by active desc, relevance_score desc, first_seen, source, source_key;
