-- Counts and the data's own last-change time for manifest.json (no wall clock: deterministic).
select
    count(*) as therapists,
    count(*) filter (where lat is not null) as located,
    count(*) filter (where relevance_tier = 'high') as high,
    count(*) filter (where relevance_tier = 'medium') as medium,
    count(*) filter (where relevance_tier = 'low') as low,
    count(*) filter (where relevance_tier = 'none') as none,
    max(updated_at) as data_updated_at,
    list_sort(list_distinct(flatten(list(sources)))) as sources,
    list_sort(list_distinct(flatten(list(attribution)))) as attributions,
    (select max(load_id) from therapists) as run_id,  -- the last run that changed a therapist
from exportable_therapists($min_tier);
