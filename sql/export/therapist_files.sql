-- One record per exported therapist for therapists/<slug>.json, in the same shape as
-- therapists.json, ordered by therapist_id.
select t.therapist_id, t.slug, to_json(t)::varchar as record,
from exportable_therapists($min_tier) as t
order by t.therapist_id;
