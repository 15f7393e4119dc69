"""DuckDB schema, loading and the read-only query entry point."""
