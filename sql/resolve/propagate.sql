-- Entity resolution, step 2 (repeated until nothing changes): each node takes the smallest
-- label among itself and its neighbours; the labels converge to connected components.
create or replace temp table res_next as
select n.node, least(n.label, coalesce(min(m.label), n.label)) as label,
from res_labels as n
left join res_edges as e on e.a = n.node
left join res_labels as m on m.node = e.b
group by n.node, n.label;

create or replace temp table res_changed as
select count(*) as changed
from res_next as x
join res_labels as y using (node)
where x.label <> y.label;

create or replace temp table res_labels as select * from res_next;

select changed from res_changed;
