-- severity: warn
-- ZIP codes are five digits.
select therapist_id, postal_code
from therapists
where postal_code is not null and not regexp_full_match(postal_code, '[0-9]{5}');
