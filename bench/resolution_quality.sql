-- Pairwise quality of the resolution against the synthetic truth (the source_key prefix "e<N>"):
-- true positives, predicted pairs, actual pairs, and how many candidate pairs were scored.
with c as (
    select therapist_id, split_part(source_key, '-', 1) as entity from stg_listings
)
select
    (select coalesce(sum(n * (n - 1) // 2), 0) from (select count(*) as n from c group by therapist_id, entity)),
    (select coalesce(sum(n * (n - 1) // 2), 0) from (select count(*) as n from c group by therapist_id)),
    (select coalesce(sum(n * (n - 1) // 2), 0) from (select count(*) as n from c group by entity)),
    (select count(*) from res_scored);
