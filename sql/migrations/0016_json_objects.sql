-- raw_fields and field_sources were stored as JSON text inside a JSON string (double-encoded), so
-- `raw_fields->>'$.name'` was NULL. They are JSON objects now; turn the old rows into objects too.
update stg_listings set raw_fields = json(raw_fields ->> '$') where json_type(raw_fields) = 'VARCHAR';
update stg_listings set field_sources = json(field_sources ->> '$') where json_type(field_sources) = 'VARCHAR';
update listings set raw_fields = json(raw_fields ->> '$') where json_type(raw_fields) = 'VARCHAR';
update listings set field_sources = json(field_sources ->> '$') where json_type(field_sources) = 'VARCHAR';
update listing_history set raw_fields = json(raw_fields ->> '$') where json_type(raw_fields) = 'VARCHAR';
update listing_history set field_sources = json(field_sources ->> '$') where json_type(field_sources) = 'VARCHAR';
