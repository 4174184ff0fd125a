insert into fetch_failures by name
select *
from read_json($path, format = 'newline_delimited', columns = {
    run_id: 'varchar', source: 'varchar', url: 'varchar', reason: 'varchar', status: 'integer',
    attempts: 'integer', failed_at: 'timestamp'});
