-- Which files of sql/migrations/ have been applied to this database.
create table if not exists schema_migrations (
    version integer primary key,
    name varchar not null,
    checksum varchar not null,  -- sha256 of the file when applied
    applied_at timestamp not null,
);
