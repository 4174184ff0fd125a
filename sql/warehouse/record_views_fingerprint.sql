delete from derived_settings where name = 'views';
insert into derived_settings values ('views', $fingerprint, null);
