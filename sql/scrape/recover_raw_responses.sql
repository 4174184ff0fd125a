-- Record the responses a killed run journalled but never recorded (pipeline/journal.py); the ones
-- it did record before it died are skipped.
insert into raw_responses by name
select j.*
from read_json($path, format = 'newline_delimited', columns = {
    url: 'varchar', final_url: 'varchar', status: 'integer', content_type: 'varchar',
    fetched_at: 'timestamp', etag: 'varchar', last_modified: 'varchar', sha256: 'varchar',
    size: 'bigint', archive_path: 'varchar', source: 'varchar', run_id: 'varchar'}) as j
where not exists (
    select 1 from raw_responses as r
    where r.url = j.url and r.run_id = j.run_id and r.fetched_at = j.fetched_at);
