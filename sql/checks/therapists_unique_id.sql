-- severity: error
-- Every therapist_id appears once.
select therapist_id, count(*) as copies
from therapists
group by therapist_id
having count(*) > 1;
