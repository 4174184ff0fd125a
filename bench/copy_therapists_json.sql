-- The floor's half of therapists.json: DuckDB's own COPY of every exported record into one JSON
-- array (the export writes the same bytes from therapists.ndjson's lines instead).
copy (select * from exportable_therapists($min_tier)) to '{out}' (format json, array true);
