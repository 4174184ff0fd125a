select therapist_id from therapists where starts_with(therapist_id, $prefix) order by 1 limit 5;
