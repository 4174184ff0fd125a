-- The checks that failed in the latest run that ran them.
select check_name, severity, failing_rows, checked_at,
from quality_results
where run_id = (select run_id from quality_results order by checked_at desc limit 1) and failing_rows > 0
order by severity, check_name;
