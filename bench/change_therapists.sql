-- $count therapists change (a new description), the others stay as they were.
update therapists set description = coalesce(description, '') || ' Now also on Saturdays.'
where therapist_id in (select therapist_id from therapists order by therapist_id limit $count);
