-- A reader's user SQL must not read or write files outside the database, load
-- extensions or attach other databases; DuckDB refuses to switch it back on.
SET enable_external_access = false;
