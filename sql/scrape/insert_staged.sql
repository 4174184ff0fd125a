-- Stage one source's normalized, classified listings (NDJSON written by pipeline/scrape.py).
-- A key seen twice in one crawl keeps its latest fetch. The content hash comes as 32 hex digits
-- and is stored as the 128-bit integer they spell (sql/migrations/0021_content_hash_integer.sql).
insert into stg_listings by name
select $load_id as load_id, * exclude (evidence, content_hash), evidence,
    ('0x' || content_hash)::uhugeint as content_hash,
from read_json($path, format = 'newline_delimited', columns = {
    source: 'varchar', source_key: 'varchar', url: 'varchar', fetched_at: 'timestamp',
    raw_sha256: 'varchar', raw_fields: 'json', name: 'varchar', kind: 'varchar',
    credentials: 'varchar[]', business_name: 'varchar', phone: 'varchar', phone_ext: 'varchar',
    website: 'varchar', email: 'varchar', street: 'varchar', city: 'varchar', state: 'varchar',
    postal_code: 'varchar', description: 'varchar', services: 'varchar[]',
    techniques: 'varchar[]', conditions: 'varchar[]', relevance_score: 'integer',
    relevance_tier: 'varchar',
    evidence: 'struct(technique varchar, snippet varchar, field varchar, source_url varchar)[]',
    exclusion: 'varchar', lat: 'double', lon: 'double', geocode_precision: 'varchar',
    geocode_provider: 'varchar', content_hash: 'varchar', opening_hours: 'varchar', npi: 'varchar',
    licenses: 'struct(number varchar, state varchar, status varchar)[]', taxonomy_codes: 'varchar[]',
    attribution: 'varchar', field_sources: 'json', suite: 'varchar', zip4: 'varchar', po_box: 'boolean',
    other_phones: 'varchar[]', mailing_address: 'varchar', country: 'varchar', address_flags: 'varchar[]',
    price_range: 'varchar', payment_accepted: 'varchar[]', languages: 'varchar[]'})
qualify row_number() over (partition by source, source_key order by fetched_at desc) = 1;
