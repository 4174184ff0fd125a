-- Staged geocoding answers with the provider that gave each (migration 0020 keeps it implicit in
-- stg_geocodes): the online service that answered, else 'source', 'offline', or 'none'.
create or replace view staged_geocodes as
select g.*,
    coalesce(s.service, case when g.geocode_precision is null then 'none'
                             when g.geocode_precision = 'source' then 'source'
                             else 'offline' end) as geocode_provider,
from stg_geocodes as g
left join stg_geocode_services as s on s.source = g.source and s.source_key = g.source_key;
