-- The latest recorded state of every file, for incremental discovery: its
-- latest log row, with the size and time of a touch since then (a log row
-- deletes its file's touch, so any touch is newer than the log).
SELECT l.file_path,
       coalesce(t.size_bytes, l.size_bytes) AS size_bytes,
       coalesce(t.mtime_ns, l.mtime_ns) AS mtime_ns,
       l.file_sha256,
       l.reason
FROM file_states l
LEFT JOIN file_touches t USING (file_path);
