-- What the clustering guard needs of each listing that has an edge: who the person is and the
-- identifiers that must never conflict within one therapist.
with linked as (
    select a as node from res_scored where score >= $threshold and conflict is null
    union
    select b from res_scored where score >= $threshold and conflict is null
)
-- Licences travel as space-separated text: 10^5 Python lists cost seconds to build, strings do not.
select n.node, n.kind, n.first, n.middle, n.last, array_to_string(n.rest, ' ') as rest, n.tail, n.npi,
    nullif(array_to_string(n.license_keys, ' '), '') as license_keys,
    nullif(array_to_string(n.license_states, ' '), '') as license_states,
from res_nodes as n
join linked using (node);
