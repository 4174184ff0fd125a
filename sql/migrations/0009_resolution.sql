-- Entity resolution with reasons and stable IDs (README "Entity resolution").

-- Every therapist_id ever handed out. A merge retires the younger ID and points it at the survivor,
-- so the website can redirect old links; retired IDs are never handed out again.
create table therapist_ids (
    therapist_id varchar not null,
    first_seen timestamp,  -- when the ID was first given out
    status varchar,  -- active or retired
    retired_into varchar,  -- the surviving ID (always a live one: chains are collapsed)
    retired_at timestamp,
    load_id varchar,  -- the run that last changed this row
);

-- The candidate pairs the last resolution compared: each signal with its points, the total, and what
-- clustering made of it (match, refused: why, or below threshold). `therapists explain` reads it.
create table resolution_links (
    a_source varchar not null,
    a_key varchar not null,
    b_source varchar not null,
    b_key varchar not null,
    score double,
    signals struct(signal varchar, points double, detail varchar)[],
    conflict varchar,  -- a hard rule that forbids the merge (different NPIs, licences)
    decision varchar,  -- match, refused or below_threshold
    reason varchar,  -- why a pair over the threshold was refused
    load_id varchar,
);

-- Which listing (and source) gave each field of a therapist, by the survivorship rules in config.
alter table therapists add column provenance struct(field varchar, source varchar, source_key varchar)[];

-- IDs handed out before this migration: all alive, born when their oldest listing was first seen.
insert into therapist_ids
select therapist_id, min(first_seen), 'active', null, null, null,
from listings
where therapist_id is not null
group by therapist_id;
