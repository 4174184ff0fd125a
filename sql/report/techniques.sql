-- How many active therapists offer each technique, most common first.
select technique, count(*) as therapists,
from (select unnest(techniques) as technique from therapists where active)
group by technique
order by therapists desc, technique;
