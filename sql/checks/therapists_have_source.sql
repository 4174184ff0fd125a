-- severity: error
-- Every active therapist is backed by at least one active listing.
select t.therapist_id
from therapists as t
where t.active and not exists (
    select 1 from listings as l where l.therapist_id = t.therapist_id and l.active);
