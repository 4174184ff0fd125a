-- What the export depends on in the database, in one value: any rebuilt, renamed, merged,
-- deactivated or re-tiered therapist changes it (every rebuilt row carries its run's load_id).
select count(*) || ':' || coalesce(bit_xor(hash(therapist_id, load_id, slug, active, relevance_tier)), 0)
    || ':' || (select count(*) from therapist_slugs) || ':' || (select count(*) from therapist_ids where status = 'retired')
from therapists;
