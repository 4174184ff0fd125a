-- severity: warn
-- Each enabled source had a complete crawl within its max_age.
with limits as (
    select unnest($source_names) as source, unnest($max_age_seconds) as max_age_seconds
),
last_complete as (
    select source, max(finished_at) as finished_at from crawls where status = 'complete' group by source
)
select l.source, c.finished_at as last_complete_crawl, l.max_age_seconds,
from limits as l
left join last_complete as c using (source)
where c.finished_at is null or c.finished_at < $now - to_seconds(l.max_age_seconds);
