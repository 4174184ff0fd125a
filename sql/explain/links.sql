-- The compared pairs that touch this therapist's listings: the ones inside it (what joined them)
-- and, from outside, the close calls and refusals (what kept others apart).
with members as (
    select source, source_key from listings where therapist_id = $therapist_id
),
touching as (
    select r.*,
        exists (select 1 from members as m where m.source = r.a_source and m.source_key = r.a_key) as a_in,
        exists (select 1 from members as m where m.source = r.b_source and m.source_key = r.b_key) as b_in,
    from resolution_links as r
)
select a_source, a_key, b_source, b_key, score, signals, decision, reason, a_in and b_in as inside,
from touching
where (a_in and b_in) or ((a_in or b_in) and (decision <> 'below_threshold' or score >= $threshold - 2))
order by inside desc, score desc, a_source, a_key, b_source, b_key
limit 50;
