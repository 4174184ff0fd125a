-- The zipcodes package places military APO/FPO ZIPs (AA, AE, AP) at (0, 0); they are no place to
-- geocode to. The gazetteer now skips them (pipeline/gazetteer.py); drop any already loaded.
delete from ref_zip_centroids where lat = 0 and lon = 0;
delete from ref_city_centroids where lat = 0 and lon = 0;
