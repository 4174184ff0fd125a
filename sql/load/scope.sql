-- Which therapists the load rebuilds: the touched ones, and those with a listing gone stale (its
-- fields may now lose to a fresher listing's). $full rebuilds every one.
create or replace temp table load_scope as
select distinct therapist_id from load_touched where therapist_id is not null and not $full
union
select distinct therapist_id from listings
where therapist_id is not null and ($full or (active and last_seen < $stale_before))
union
select therapist_id from therapists where $full;

select (select count(*) from load_scope), (select count(*) from therapists);
