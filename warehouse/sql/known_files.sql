-- The latest recorded state of every file, for incremental discovery: its log
-- row, or a later touch that moved only its modification time.
SELECT file_path, size_bytes, mtime_ns, file_sha256, reason
FROM (
    SELECT file_path, size_bytes, mtime_ns, file_sha256, reason, seen_at FROM ingest_log
    UNION ALL
    SELECT file_path, size_bytes, mtime_ns, file_sha256, NULL AS reason, seen_at FROM file_touches
)
QUALIFY row_number() OVER (PARTITION BY file_path ORDER BY seen_at DESC) = 1;
