-- severity: error
-- Every active therapist has one slug (its export file name and URL), and no two share it.
select therapist_id, slug
from therapists
where active and (slug is null or slug in (select slug from therapists where slug is not null
                                           group by slug having count(*) > 1));
