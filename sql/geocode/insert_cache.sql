-- Remember an online provider's answers, tagged with the run (the staged batch) that asked.
insert into geocode_cache by name
select *, (select max(load_id) from stg_listings) as load_id,
from read_json($path, format = 'newline_delimited', columns = {
    address_key: 'varchar', provider: 'varchar', lat: 'double', lon: 'double', precision: 'varchar',
    status: 'varchar', created_at: 'timestamp', query: 'varchar', detail: 'varchar'});
