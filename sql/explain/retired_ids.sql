-- IDs merged into this therapist, which the website redirects here.
select therapist_id, retired_at from therapist_ids where retired_into = $therapist_id order by retired_at, therapist_id;
