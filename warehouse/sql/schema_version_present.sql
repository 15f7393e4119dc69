-- Whether the warehouse records its applied migrations (every warehouse this
-- code wrote does; a file some other program made does not).
SELECT count(*) > 0 FROM duckdb_tables() WHERE table_name = 'schema_version';
