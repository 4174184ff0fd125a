-- The latest response per URL of the given sources: what TTL caching, conditional GET
-- (ETag / Last-Modified) and offline runs build on. A 304 row points at the body it confirmed;
-- redirects and errors are kept too, so an offline run meets them exactly as the crawl did.
select url, final_url, content_type, fetched_at, etag, last_modified, sha256, status
from raw_responses
where source in (select unnest($sources)) and fetched_at is not null
qualify row_number() over (partition by url order by fetched_at desc, status) = 1;
