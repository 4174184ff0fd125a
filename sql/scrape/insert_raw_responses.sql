-- Record the responses the fetcher archived during this crawl.
insert into raw_responses by name
select *
from read_json($path, format = 'newline_delimited', columns = {
    url: 'varchar', final_url: 'varchar', status: 'integer', content_type: 'varchar',
    fetched_at: 'timestamp', etag: 'varchar', last_modified: 'varchar', sha256: 'varchar',
    size: 'bigint', archive_path: 'varchar', source: 'varchar', run_id: 'varchar'});
