-- Each source's crawl in each of the latest runs: status, listings, failures.
select c.run_id, c.source, c.status, c.listings, c.failures,
from crawls as c
where c.run_id in (select run_id from pipeline_runs order by started_at desc limit $limit)
order by c.run_id desc, c.source;
