-- The floor of a first load: DuckDB copying the staged batch's Parquet file into a new table, nothing else.
create table listings as select * from read_parquet($batch);
