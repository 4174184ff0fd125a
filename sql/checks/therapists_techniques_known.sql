-- severity: error
-- Technique and condition slugs come from vocabulary.toml.
select therapist_id, list_filter(techniques || conditions, lambda slug: not list_contains($slugs, slug)) as unknown
from therapists
where len(list_filter(techniques || conditions, lambda slug: not list_contains($slugs, slug))) > 0;
