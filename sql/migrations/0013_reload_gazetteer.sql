-- The city centroids were one row per spelling, so "Port St Lucie" and "Port Saint Lucie" (one
-- city key) were two rows and a listing there was located twice. Empty both reference tables: the
-- next geocode reloads them from the gazetteer, now one row per city key.
delete from ref_zip_centroids;
delete from ref_city_centroids;
