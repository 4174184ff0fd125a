-- What the export's files are made of, in one value: the content of every therapist (every column
-- but the bookkeeping the export leaves out, so a load that rebuilds a therapist without changing it
-- leaves this equal although the row gets a new load_id), then the retired IDs and slugs that
-- redirects.json is made of. Every therapist, not only the exported ones: a change to one the export
-- leaves out costs a pass that rewrites the manifest alone, and a filter copied from
-- exportable_therapists could drift from it (a semi-join with it costs twice the scan).
-- bit_xor does not depend on row order; each row's therapist_id keeps two therapists from trading
-- values unseen.
select
    (select count(*) || ':' || coalesce(bit_xor(hash(*columns(* exclude (load_id, last_seen, listing_count, provenance)))), 0)
     from therapists)
    || ':' || (select coalesce(bit_xor(hash(slug, therapist_id, status)), 0) from therapist_slugs)
    || ':' || (select coalesce(bit_xor(hash(therapist_id, status, retired_into)), 0) from therapist_ids)
    as fingerprint;
