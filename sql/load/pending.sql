-- Staged listings still waiting for the geocode and resolve stages.
select
    count(*) filter (where geocode_provider is null) as ungeocoded,
    count(*) filter (where therapist_id is null) as unresolved,
    count(*) as staged,
from stg_listings;
