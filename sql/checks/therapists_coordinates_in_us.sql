-- severity: warn
-- Located therapists lie inside the US and its territories (a generous box, in degrees).
select therapist_id, lat, lon
from therapists
where lat is not null and not (lat between 13.0 and 72.0 and (lon between -180.0 and -64.0 or lon between 144.0 and 146.5));
