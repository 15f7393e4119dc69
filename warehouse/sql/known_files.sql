-- The latest recorded state of every file, for incremental discovery.
SELECT file_path, size_bytes, mtime_ns, file_sha256, reason
FROM ingest_log
QUALIFY row_number() OVER (PARTITION BY file_path ORDER BY seen_at DESC) = 1;
