-- Practice websites (the `websites` source kind): a site's listing (kind 'site') belongs to no
-- cluster; it is attached to every therapist whose listings name that website, so a clinic's
-- site speaks for each of its therapists without merging them.
create table site_links (
    source varchar not null,         -- the websites source
    source_key varchar not null,     -- the site listing's key: the site's canonical origin
    therapist_id varchar not null,
    linked_at timestamp not null,    -- when the load first saw the link
    primary key (source, source_key, therapist_id)
);

-- Sites a crawl could not read this time (dead, disallowed, parked): their listings keep their last
-- good evidence, and stay active, until survivorship.stale_after.
create table stg_retained (
    source varchar not null,
    site varchar not null,           -- the host without "www."
    reason varchar not null
);

-- "unknown" (no text was read) ranks above "none" (text read, nothing relevant).
create or replace macro tier_rank(tier) as
    case tier when 'high' then 4 when 'medium' then 3 when 'low' then 2 when 'unknown' then 1 else 0 end;

