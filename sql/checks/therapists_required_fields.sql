-- severity: error
-- Active therapists have an ID and a name.
select therapist_id, name
from therapists
where active and (therapist_id is null or name is null or trim(name) = '');
