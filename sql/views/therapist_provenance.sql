-- Field provenance of every therapist, one row per surviving field: the listing it came from.
-- `therapists.provenance` holds it for a therapist formed by several listings (or one with an
-- attached practice site); for one formed by a single listing it is null, since every field is
-- that listing's, and this view names it (storing it cost a first load of 10^6 about a tenth).
create or replace view therapist_provenance as
select therapist_id, p.field, p.source, p.source_key
from (select therapist_id, unnest(provenance) as p from therapists where provenance is not null)
union all
select therapist_id, p.field, p.source, p.source_key
from (select l.therapist_id,
          unnest(listing_provenance(l.source, l.source_key, l.name, l.business_name, l.phone, l.website, l.email,
                                    l.street, l.postal_code, l.city, l.lat, l.description, l.opening_hours,
                                    l.npi)) as p
      from listings as l
      join therapists as t on t.therapist_id = l.therapist_id
      where t.provenance is null);
