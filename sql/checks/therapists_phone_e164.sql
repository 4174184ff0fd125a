-- severity: warn
-- Phones are E.164 (+ and 8 to 15 digits).
select therapist_id, phone
from therapists
where phone is not null and not regexp_full_match(phone, '\+[1-9][0-9]{7,14}');
