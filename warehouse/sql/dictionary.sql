-- The data dictionary of schema main: one row per column of every table and
-- view, with the object's and the column's comment.
WITH objects AS (
    SELECT table_name AS name, 'table' AS kind, comment, table_oid AS oid
    FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal AND NOT temporary
    UNION ALL
    SELECT view_name, 'view', comment, view_oid
    FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal AND NOT temporary
)
SELECT o.name, o.kind, o.comment AS object_comment,
       c.column_name, c.data_type, c.is_nullable, c.comment AS column_comment
FROM objects o
JOIN duckdb_columns() c ON c.table_oid = o.oid
ORDER BY o.kind, o.name, c.column_index;
