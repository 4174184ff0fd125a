-- The pairs clustering may join: over the threshold and without a hard conflict, strongest first.
select a, b, score,
from res_scored
where score >= $threshold and conflict is null
order by score desc, a, b;
