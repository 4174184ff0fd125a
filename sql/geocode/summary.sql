-- Staged listings by geocode precision ('none' = not located).
select coalesce(geocode_precision::varchar, 'none') as precision, count(*) as listings
from stg_geocodes
group by all
order by all;
