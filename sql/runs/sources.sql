-- Each source's latest crawl and its latest complete one.
select source,
    max(finished_at) as last_crawl,
    arg_max(status, finished_at) as last_status,
    max(finished_at) filter (where status = 'complete') as last_complete,
    arg_max(listings, finished_at) as listings,
from crawls
group by source
order by source;
