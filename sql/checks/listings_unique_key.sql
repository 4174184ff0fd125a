-- severity: error
-- A source record appears once in listings.
select source, source_key, count(*) as copies
from listings
group by source, source_key
having count(*) > 1;
