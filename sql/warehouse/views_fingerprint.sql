-- The fingerprint of the sql/views/ files the views and macros were last created from.
select fingerprint from derived_settings where name = 'views';
