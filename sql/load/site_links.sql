-- Practice sites (listings of kind 'site') belong to no cluster: each is attached to every therapist
-- whose active listings name its site (their website, or a schema.org sameAs link), so a clinic's
-- site speaks for each of its therapists and never merges them. Therapists gaining or losing a
-- site, or whose site changed, came back or vanished, are rebuilt.
create or replace temp table load_named_sites as
select therapist_id, website_host(website) as site
from listings
where active and kind <> 'site' and therapist_id is not null and website is not null
union
select therapist_id, website_host(url) as site
from (select therapist_id, unnest(try_cast(raw_fields -> '$.same_as' as varchar[])) as url
      from listings
      where active and kind <> 'site' and therapist_id is not null and (raw_fields -> '$.same_as') is not null);

create or replace temp table load_site_links as
select distinct s.source, s.source_key, n.therapist_id
from listings as s
join load_named_sites as n on n.site = website_host(s.source_key)
where s.active and s.kind = 'site';

insert into load_touched
select therapist_id from (
    (select source, source_key, therapist_id from site_links
     except select source, source_key, therapist_id from load_site_links)
    union all
    (select source, source_key, therapist_id from load_site_links
     except select source, source_key, therapist_id from site_links))
union
select k.therapist_id
from load_site_links as k
where exists (select 1 from load_diff as d
              where d.source = k.source and d.source_key = k.source_key
                  and (d.change <> 'unchanged' or not d.was_active))
union
select k.therapist_id
from site_links as k
join load_vanished as v on v.source = k.source and v.source_key = k.source_key;

delete from site_links as k
where not exists (select 1 from load_site_links as n
                  where n.source = k.source and n.source_key = k.source_key and n.therapist_id = k.therapist_id);

insert into site_links by name
select n.source, n.source_key, n.therapist_id, $now as linked_at
from load_site_links as n
where not exists (select 1 from site_links as k
                  where n.source = k.source and n.source_key = k.source_key and n.therapist_id = k.therapist_id);

select count(*) from site_links;
