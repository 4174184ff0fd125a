-- City keys fold accents ("Bayamón" and "Bayamon" are one city; the gazetteer spells without),
-- where they used to turn the accented letter into a space. Mirrors the gazetteer's city_key().
create or replace macro city_key(city, state) as
    trim(regexp_replace(
        regexp_replace(regexp_replace(upper(strip_accents(city)), '[^A-Z0-9 ]', ' ', 'g'), '\bSAINT\b', 'ST', 'g'),
        '\s+', ' ', 'g'))
    || '|' || upper(state);

-- The reference tables were keyed the old way: the next geocode reloads them.
delete from ref_zip_centroids;
delete from ref_city_centroids;
