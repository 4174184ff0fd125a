-- The listings resolved into one therapist, best first.
select source, source_key, url, name, phone, postal_code, relevance_score, relevance_tier,
    exclusion, active, first_seen, last_seen,
from listings
where therapist_id = $therapist_id
order by active desc, relevance_score desc, first_seen, source, source_key;
