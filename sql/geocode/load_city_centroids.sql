-- City centroids (mean of each city's ZIP centroids), from the gazetteer's cached NDJSON file.
insert into ref_city_centroids
select city_key, city, state, lat, lon, zip_count
from read_json($path, format = 'newline_delimited', columns = {
    city_key: 'varchar', city: 'varchar', state: 'varchar', lat: 'double', lon: 'double',
    zip_count: 'integer'});
