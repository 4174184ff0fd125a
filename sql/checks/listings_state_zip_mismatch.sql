-- severity: warn
-- An active listing's state disagrees with its ZIP's state.
-- Normalization flags it: where the city agrees with the ZIP, the ZIP's state was used; otherwise
-- the written state was kept and the listing located by its city. Each row is worth a look.
select l.source, l.source_key, l.city, l.state, l.postal_code, z.state as zip_state,
from listings as l
left join ref_zip_centroids as z on z.postal_code = l.postal_code
where l.active and list_contains(l.address_flags, 'state_zip_mismatch');
