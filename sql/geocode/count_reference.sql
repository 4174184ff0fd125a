select (select count(*) from ref_zip_centroids) + (select count(*) from ref_city_centroids);
