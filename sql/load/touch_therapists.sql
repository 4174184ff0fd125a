-- Therapists seen in this load: only last_seen moves.
update therapists as t
set last_seen = $now
where t.last_seen is distinct from $now
    and t.therapist_id in (select therapist_id from listings where last_seen = $now);
