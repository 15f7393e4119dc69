-- The full-text indexes that exist (a warehouse no run has finished yet has none).
SELECT schema_name
FROM duckdb_tables()
WHERE table_name = 'stats' AND schema_name IN ('fts_main_articles', 'fts_main_quotes');
