-- Whether this connection has the fts extension loaded: its `stem` function is
-- registered. (duckdb_extensions() would list the extension directory, which a
-- reader without external access may not do.)
SELECT count(*) > 0 FROM duckdb_functions() WHERE function_name = 'stem';
