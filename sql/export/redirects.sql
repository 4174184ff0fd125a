-- redirects.json: retired therapist IDs and slugs, each with where the website should send it
-- (only when that therapist is exported; a redirect to nowhere helps nobody).
with exported as (select therapist_id, slug from exportable_therapists($min_tier))
select 'therapist_id' as kind, i.therapist_id as old, e.therapist_id as new,
from therapist_ids as i
join exported as e on e.therapist_id = i.retired_into
where i.status = 'retired'
union all
select 'slug', s.slug, e.slug,
from therapist_slugs as s
left join therapist_ids as i on i.therapist_id = s.therapist_id and i.status = 'retired'
join exported as e on e.therapist_id = coalesce(i.retired_into, s.therapist_id)
where s.status = 'retired' and s.slug <> e.slug
order by kind, old;
