-- Entity resolution, step 1: the listings to cluster and the edges between them.
-- Nodes: the staged batch plus every current active listing the batch does not replace.
create or replace temp table res_nodes as
with staged as (
    select s.source, s.source_key, s.name, s.phone, s.postal_code, s.npi,
        l.therapist_id as existing_id, coalesce(l.first_seen, $now) as first_seen,
    from stg_listings as s
    left join listings as l on l.source = s.source and l.source_key = s.source_key
),
current as (
    select l.source, l.source_key, l.name, l.phone, l.postal_code, l.npi,
        l.therapist_id as existing_id, l.first_seen,
    from listings as l
    where l.active
        and not exists (
            select 1 from stg_listings as s where s.source = l.source and s.source_key = l.source_key)
)
select source || '|' || source_key as node, name_key(name) as name_key, phone, postal_code, npi,
    existing_id, first_seen,
from (select * from staged union all by name select * from current);

-- Edges: the same NPI, or the same name key and either the same phone or the same ZIP. Requiring
-- the name keeps colleagues who share a clinic phone apart; two different NPIs never join.
create or replace temp table res_edges as
with candidates as (
    -- Each arm is an equi-join DuckDB can hash; an OR across them would compare every pair.
    select a.node as a, b.node as b, a.npi as a_npi, b.npi as b_npi,
    from res_nodes as a join res_nodes as b on a.npi = b.npi
    union all
    select a.node, b.node, a.npi, b.npi,
    from res_nodes as a join res_nodes as b on a.name_key = b.name_key and a.phone = b.phone
    union all
    select a.node, b.node, a.npi, b.npi,
    from res_nodes as a join res_nodes as b on a.name_key = b.name_key and a.postal_code = b.postal_code
)
select distinct a, b,
from candidates
where a <> b and (a_npi is null or b_npi is null or a_npi = b_npi);

create or replace temp table res_labels as
select node, node as label from res_nodes;
