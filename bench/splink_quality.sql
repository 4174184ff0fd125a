-- Pairwise quality of splink's clusters (the `clusters` view) against the synthetic truth, the
-- source_key's prefix "e<N>": true positives, predicted pairs and actual pairs, as bench/resolution_quality.sql.
with c as (
    select cluster_id, split_part(split_part(unique_id, ':', 2), '-', 1) as entity from clusters
)
select
    (select coalesce(sum(n * (n - 1) // 2), 0) from (select count(*) as n from c group by cluster_id, entity)),
    (select coalesce(sum(n * (n - 1) // 2), 0) from (select count(*) as n from c group by cluster_id)),
    (select coalesce(sum(n * (n - 1) // 2), 0) from (select count(*) as n from c group by entity));
