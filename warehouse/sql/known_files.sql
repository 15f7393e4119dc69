-- The latest recorded state of every file, for incremental discovery: its
-- latest log row, with the size and time of a touch since then (a log row
-- deletes its file's touch, so any touch is newer than the log).
WITH logged AS (
    SELECT file_path, size_bytes, mtime_ns, file_sha256, reason
    FROM ingest_log
    QUALIFY row_number() OVER (PARTITION BY file_path ORDER BY seen_at DESC) = 1
)
SELECT l.file_path,
       coalesce(t.size_bytes, l.size_bytes) AS size_bytes,
       coalesce(t.mtime_ns, l.mtime_ns) AS mtime_ns,
       l.file_sha256,
       l.reason
FROM logged l
LEFT JOIN file_touches t USING (file_path);
