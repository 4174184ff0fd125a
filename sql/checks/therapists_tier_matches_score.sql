-- severity: error
-- The relevance tier agrees with the score and the configured thresholds (below `low`: "none", or
-- "unknown" when no listing had text to judge).
select therapist_id, relevance_score, relevance_tier
from therapists
where relevance_tier is distinct from case
    when relevance_score >= $high then 'high'
    when relevance_score >= $medium then 'medium'
    when relevance_score >= $low then 'low'
    else relevance_tier end
    or (relevance_score < $low and relevance_tier not in ('none', 'unknown'));
