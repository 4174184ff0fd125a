-- therapists.ndjson: the same records, one per line.
copy (select * from exportable_therapists($min_tier)) to '{out}' (format json);
