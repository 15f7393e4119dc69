-- A reader's user SQL must not read or write files outside the database, load
-- extensions or attach other databases; DuckDB refuses to switch it back on,
-- and with the configuration locked no SET or PRAGMA can change any other.
SET enable_external_access = false;
SET lock_configuration = true;
