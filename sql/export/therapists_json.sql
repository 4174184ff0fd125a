-- therapists.json: one JSON array of every exported therapist.
copy (select * from exportable_therapists($min_tier)) to '{out}' (format json, array true);
