-- Matching keys of entity resolution (sql/resolve/), usable from the shell too. Re-created whenever a file of sql/views/ changes.

-- A street reduced for matching: lower case, punctuation gone, USPS suffix and direction
-- abbreviations ("1008 17th Street" and "1008 17TH ST" give the same key).
create or replace macro street_key(street) as
    -- A CASE, not a MAP literal: DuckDB evaluates it vectorized (a MAP lookup here took 20 s per 10^6).
    nullif(array_to_string(list_transform(
        string_split(trim(regexp_replace(lower(strip_accents(street)), '[^a-z0-9]+', ' ', 'g')), ' '),
        lambda word: case word
            when 'street' then 'st'
            when 'avenue' then 'ave'
            when 'av' then 'ave'
            when 'boulevard' then 'blvd'
            when 'road' then 'rd'
            when 'drive' then 'dr'
            when 'lane' then 'ln'
            when 'court' then 'ct'
            when 'place' then 'pl'
            when 'parkway' then 'pkwy'
            when 'highway' then 'hwy'
            when 'terrace' then 'ter'
            when 'circle' then 'cir'
            when 'square' then 'sq'
            when 'trail' then 'trl'
            when 'plaza' then 'plz'
            when 'north' then 'n'
            when 'south' then 's'
            when 'east' then 'e'
            when 'west' then 'w'
            when 'northeast' then 'ne'
            when 'northwest' then 'nw'
            when 'southeast' then 'se'
            when 'southwest' then 'sw'
            when 'first' then '1st'
            when 'second' then '2nd'
            when 'third' then '3rd'
            when 'fourth' then '4th'
            when 'fifth' then '5th'
            else word end), ' '), '');

-- A suite reduced to its identifier: "Suite 211", "STE 211" and "#211" give "211".
create or replace macro suite_key(suite) as
    nullif(regexp_replace(
        regexp_replace(lower(suite), '\b(suite|ste|unit|room|rm|office|ofc|apt|no|number|floor|fl)\b', '', 'g'),
        '[^a-z0-9]+', '', 'g'), '');

-- The words of a name for matching: lower case, accents and punctuation gone; hyphens and
-- apostrophes join ("Haddad-Kerr" is one surname, "O'Neil" is "oneil").
create or replace macro name_words(name) as
    list_filter(string_split(trim(regexp_replace(
        regexp_replace(lower(strip_accents(coalesce(name, ''))), '[''’-]', '', 'g'), '[^a-z0-9]+', ' ', 'g')), ' '),
        lambda word: word <> '');

-- Two name words that are the same word, allowing one typo in words of four letters or more
-- (never in words with digits: "unit 12" and "unit 13" differ). Mirrors pipeline/resolve.py
-- words_match(); keep them in step.
create or replace macro words_match(a, b) as
    a = b or (least(length(a), length(b)) >= 4 and damerau_levenshtein(a, b) <= 1
              and not regexp_matches(a || b, '[0-9]'));

-- A website's host without "www.", for blocking and the website signal.
create or replace macro website_host(url) as
    nullif(regexp_extract(lower(url), '^[a-z]+://(www\.)?([^/:?#]+)', 2), '');

-- A licence as "STATE:NUMBER" with punctuation and leading zeros dropped ("MT.0079357" = "MT0079357").
create or replace macro license_keys(licenses) as
    list_filter(list_transform(coalesce(licenses, []), lambda l: l.state || ':' || ltrim(regexp_replace(upper(l.number), '[^A-Z0-9]', '', 'g'), '0')),
        lambda k: k is not null and not ends_with(k, ':'));

-- Two given names that are one edit apart yet different names, not a typo: Mario and Maria,
-- Julian and Juliana, Louis and Louise, Francis and Frances (families often share an address).
-- Mirrors pipeline/resolve.py given_name_variants(); keep them in step.
create or replace macro given_name_variants(a, b) as
    a <> b and (
        a || 'a' = b or b || 'a' = a or a || 'e' = b or b || 'e' = a
        or (length(a) = length(b) and left(a, -1) = left(b, -1)
            and right(a, 1) in ('a', 'e', 'i', 'o', 'u') and right(b, 1) in ('a', 'e', 'i', 'o', 'u'))
        or (length(a) > 3 and left(a, -2) = left(b, -2) and list_sort([right(a, 2), right(b, 2)]) = ['es', 'is']));

-- Surname particles: "Samuel Van Houten" has no middle initial V.
create or replace macro surname_particle(word) as
    word in ('van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le',
             'st', 'ten', 'ter', 'al', 'el', 'bin', 'ibn', 'mac');

create or replace macro slug_base(name, city) as
    -- Words are the runs of [a-z0-9] once accents are folded and apostrophes dropped (control
    -- characters, like any other, separate words). One regular expression: each one costs about
    -- a second per 10^6 therapists.
    coalesce(nullif(rtrim(left(array_to_string(list_filter(
        regexp_split_to_array(lower(strip_accents(replace(replace(concat_ws(' ', name, city), '''', ''), '’', ''))),
                              '[^a-z0-9]+'),
        -- Initials go: "Jane M Alvarez" keeps jane-alvarez's slug when a register adds the M.
        -- (One character is a digit when it sorts between 0 and 9.)
        lambda w: length(w) > 1 or w between '0' and '9'), '-'), 80), '-'), ''), 'therapist');

-- A URL- and file-safe slug from a name and a city: lower-case ASCII letters, digits and single
-- hyphens, at most 80 characters; accents folded, apostrophes and initials dropped, everything
-- else (slashes, dots, control characters, markup, emoji) a hyphen; "therapist" when nothing is left; Windows' reserved device
-- names (con, nul, com1, ...) get "-therapist" so the file name is safe everywhere.
create or replace macro reserved_file_name(base) as
    base in ('con', 'prn', 'aux', 'nul')
    or (length(base) = 4 and left(base, 3) in ('com', 'lpt') and right(base, 1) between '0' and '9');

create or replace macro slugify(name, city) as
    -- slug_base once, through a lambda: a macro argument named n times is expanded n times, and
    -- reserved_file_name names its own four times (about 30 ms of planning per query, 6 by this).
    -- (Comparisons, not a regular expression: this runs once per rebuilt therapist.)
    list_transform([slug_base(name, city)],
                   lambda base: case when reserved_file_name(base) then base || '-therapist' else base end)[1];

-- A listing or therapist has an address when it says where: a street, ZIP or city, or coordinates
-- alone (a place on the map, from OSM or schema.org geo, is searchable).
create or replace macro has_address(street, postal_code, city, lat) as
    street is not null or postal_code is not null or city is not null or lat is not null;

-- The provenance of a therapist formed by one listing: every field it gives comes from that listing
-- (`therapists.provenance` is null for such a therapist; the view therapist_provenance and
-- `therapists explain` use this).
create or replace macro listing_provenance(source, source_key, name, business_name, phone, website, email,
                                           street, postal_code, city, lat, description, opening_hours, npi) as
    -- The names of the fields it gives, each with the listing ([] when it gives none).
    list_transform(list_filter([
        case when name is not null then 'name' end,
        case when business_name is not null then 'business_name' end,
        case when phone is not null then 'phone' end,
        case when website is not null then 'website' end,
        case when email is not null then 'email' end,
        case when has_address(street, postal_code, city, lat) then 'address' end,
        case when description is not null then 'description' end,
        case when opening_hours is not null then 'opening_hours' end,
        case when npi is not null then 'npi' end
    ], lambda field: field is not null), lambda field: {'field': field, 'source': source, 'source_key': source_key});
