-- The listings resolved into one therapist, best first, then the practice sites attached to it
-- (site_links: a site its listings name), with the date each was last read.
select source, source_key, url, name, phone, street, city, state, postal_code, mailing_address, address_flags,
    geocode_precision, relevance_score, relevance_tier, exclusion, active, first_seen, last_seen,
    fetched_at, false as attached,
from listings
where therapist_id = $therapist_id
union all
select l.source, l.source_key, l.url, l.name, l.phone, l.street, l.city, l.state, l.postal_code,
    l.mailing_address, l.address_flags, l.geocode_precision, l.relevance_score, l.relevance_tier,
    l.exclusion, l.active, l.first_seen, l.last_seen, l.fetched_at, true as attached,
from site_links as k
join listings as l on l.source = k.source and l.source_key = k.source_key
where k.therapist_id = $therapist_id
order by attached, active desc, relevance_score desc, first_seen, source, source_key;
