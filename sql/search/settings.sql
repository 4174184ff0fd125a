-- Settings of a search connection. Late materialization (DuckDB fetching the top rows' other
-- columns with a second scan) costs a radius search more than it saves: p50 8.9 -> 6.8 ms at 10^6.
set late_materialization_max_rows = 0;
