-- The fingerprint the therapists table was last built with (see derived_settings).
select fingerprint from derived_settings where name = 'therapists';
