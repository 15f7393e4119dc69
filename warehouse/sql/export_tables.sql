-- The tables an export writes, and the date column a table is partitioned by
-- (by month), if it has a publication date.
SELECT t.table_name,
       max(c.column_name) FILTER (WHERE c.column_name = 'published_date') AS date_column
FROM duckdb_tables() t
JOIN duckdb_columns() c USING (table_oid)
WHERE t.schema_name = 'main' AND NOT t.internal AND NOT t.temporary
GROUP BY t.table_name
ORDER BY t.table_name;
