insert into geocode_cache by name
select *
from read_json($path, format = 'newline_delimited', columns = {
    address_key: 'varchar', provider: 'varchar', lat: 'double', lon: 'double', precision: 'varchar',
    status: 'varchar', created_at: 'timestamp', query: 'varchar', detail: 'varchar'});
