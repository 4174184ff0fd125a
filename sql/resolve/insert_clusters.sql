-- The clustering's answer: each listing in a cluster of two or more, with the cluster's smallest
-- node as its label; and the pairs over the threshold the guard refused, with the reason.
create or replace temp table res_clusters as
select node::integer as node, cluster::integer as cluster,
from read_json($path, columns = {'node': 'integer', 'cluster': 'integer', 'a': 'integer', 'b': 'integer', 'reason': 'varchar'})
where node is not null;

create or replace temp table res_refused as
select a::integer as a, b::integer as b, reason,
from read_json($path, columns = {'node': 'integer', 'cluster': 'integer', 'a': 'integer', 'b': 'integer', 'reason': 'varchar'})
where a is not null;
