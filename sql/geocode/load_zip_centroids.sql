-- ZIP centroids from the zipcodes package, from the gazetteer's cached NDJSON file.
insert into ref_zip_centroids
select postal_code, city, state, lat, lon
from read_json($path, format = 'newline_delimited', columns = {
    postal_code: 'varchar', city: 'varchar', state: 'varchar', lat: 'double', lon: 'double'});
