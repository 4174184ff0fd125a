-- severity: error
-- The relevance tier agrees with the score and the configured thresholds.
select therapist_id, relevance_score, relevance_tier
from therapists
where relevance_tier is distinct from case
    when relevance_score >= $high then 'high'
    when relevance_score >= $medium then 'medium'
    when relevance_score >= $low then 'low'
    else 'none' end;
