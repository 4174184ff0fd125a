-- Sites a websites crawl could not read this time: their listings stay active with their last good
-- evidence (see sql/load/deactivate.sql) until survivorship.stale_after.
insert into stg_retained by name
select * from read_json($path, format = 'newline_delimited',
                        columns = {source: 'varchar', site: 'varchar', reason: 'varchar'});
