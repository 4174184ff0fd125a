-- What the clustering guard needs of each listing that has an edge: who the person is and the
-- identifiers that must never conflict within one therapist.
with linked as (
    select a as node from res_scored where score >= $threshold and conflict is null
    union
    select b from res_scored where score >= $threshold and conflict is null
)
select n.node, n.kind, n.first, n.middle, n.last, n.npi, n.license_keys, n.license_states,
from res_nodes as n
join linked using (node);
