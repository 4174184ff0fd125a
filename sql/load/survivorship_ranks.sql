-- Each source's rank per surviving field (0 = best), computed from [survivorship] in config.
create or replace temp table survivorship_ranks as
select *
from read_json($path, columns = {'source': 'varchar', 'name': 'integer', 'business_name': 'integer', 'phone': 'integer', 'website': 'integer', 'email': 'integer', 'address': 'integer', 'description': 'integer', 'opening_hours': 'integer', 'npi': 'integer'});
