delete from derived_settings where name = 'therapists';
insert into derived_settings values ('therapists', $fingerprint, $load_id);
