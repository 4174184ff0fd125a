-- The rebuilt therapists (rebuild_therapists.sql) go in with their current slugs
-- (assign_slugs.sql), in one insert: setting 10^6 slugs by an UPDATE afterwards cost more than the
-- rebuild. Sorted by latitude so radius searches' bounding boxes read few row groups (a full
-- rebuild re-sorts everything; an incremental one appends its few rows). Latitude alone: ties
-- (every listing geocoded to one ZIP centroid) may land in any order, which nothing reads (every
-- query orders by what it shows, then by therapist_id), and breaking them by the ID cost the sort
-- 0.15 of its 1.5 CPU-s at 10^6.
insert into therapists by name
select r.* exclude (nothing_read),
    case when r.relevance_score >= $high then 'high'
         when r.relevance_score >= $medium then 'medium'
         when r.relevance_score >= $low then 'low'
         when r.nothing_read then 'unknown'
         else 'none' end as relevance_tier,
    $load_id as load_id,  -- the run that rebuilt it
    s.slug,
from rebuilt as r
left join therapist_slugs as s on s.therapist_id = r.therapist_id and s.status = 'current'
order by r.lat;

drop view rebuilt;
drop view rebuilt_solo;
drop table rebuilt_grouped;
