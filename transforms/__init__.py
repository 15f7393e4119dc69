"""Pure transforms: strings and frames in, strings and frames out. No Prefect, no DuckDB."""
