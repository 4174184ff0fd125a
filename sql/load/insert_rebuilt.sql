-- The rebuilt therapists (rebuild_therapists.sql) go in with their current slugs
-- (assign_slugs.sql), in one insert: setting 10^6 slugs by an UPDATE afterwards cost more than the
-- rebuild. Sorted by latitude so radius searches' bounding boxes read few row groups (a full
-- rebuild re-sorts everything; an incremental one appends its few rows).
insert into therapists by name
select r.*, s.slug,
from rebuilt as r
left join therapist_slugs as s on s.therapist_id = r.therapist_id and s.status = 'current'
order by r.lat, r.therapist_id;

drop table rebuilt;
