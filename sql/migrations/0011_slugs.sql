-- Each therapist's URL slug for the website (therapists/<slug>.json): readable (name-city), unique,
-- and never reused for someone else. A slug that stops being current (the name changed, or the
-- therapist merged into another) stays here as retired, so the website can redirect it.
create table therapist_slugs (
    slug varchar not null,
    therapist_id varchar not null,
    status varchar,  -- current or retired
    created_at timestamp,
    retired_at timestamp,
    load_id varchar,
);

alter table therapists add column slug varchar;
