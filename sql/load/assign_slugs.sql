-- Slugs for the rebuilt therapists (load_scope). A therapist keeps its current slug while its
-- name and city give the same one; otherwise the old slug retires (the website redirects it) and a
-- new one is chosen: the plain name-city slug if no one ever had it, else the same with the
-- first seven characters of the therapist ID after it. Merged-away IDs retire their slugs.
-- One statement: each intermediate step, materialised, cost a write of 10^6 rows on a first load.
create or replace temp table slug_chosen as
with wanted as (
    select *, wanted || '-' || substr(therapist_id, 2, 7) as suffixed,
    from (
        -- slugify once per therapist (a macro named twice is evaluated twice: 20 s per 10^6).
        select r.therapist_id, slugify(r.name, r.city) as wanted, r.first_seen,
        from rebuilt as r)
),
needed as (
    select w.*,
    from wanted as w
    left join therapist_slugs as c on c.therapist_id = w.therapist_id and c.status = 'current'
    where c.slug is null or c.slug not in (w.wanted, w.suffixed)
),
ranked as (
    -- Taken: someone else ever had the slug. A slug is given once (see the insert below), so the
    -- join finds at most one holder. (Not a correlated EXISTS: DuckDB de-duplicated and stored 10^6
    -- therapist-slug pairs for it on a first load, 0.4 CPU-s; nor an aggregate of every slug's
    -- holders, 0.4 s on each reload.)
    select n.*,
        row_number() over (partition by n.wanted order by n.first_seen, n.therapist_id) as queue,
        coalesce(h.therapist_id <> n.therapist_id, false) as taken,
    from needed as n
    left join therapist_slugs as h on h.slug = n.wanted
)
select therapist_id, case when queue = 1 and not taken then wanted else suffixed end as slug,
from ranked;

update therapist_slugs as s
set status = 'retired', retired_at = $now, load_id = $load_id
where s.status = 'current'
    and (s.therapist_id in (select therapist_id from slug_chosen)
         or s.therapist_id in (select therapist_id from stg_id_changes where change = 'retired'));

-- A slug coming back to the therapist who had it before is current again; others are new rows.
update therapist_slugs as s
set status = 'current', retired_at = null, load_id = $load_id
from slug_chosen as c
where s.slug = c.slug and s.therapist_id = c.therapist_id;

insert into therapist_slugs by name
select c.slug, c.therapist_id, 'current' as status, $now as created_at, $load_id as load_id,
from slug_chosen as c
where not exists (select 1 from therapist_slugs as s where s.slug = c.slug);
