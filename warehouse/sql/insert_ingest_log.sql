INSERT INTO ingest_log
    (file_path, file_sha256, size_bytes, mtime_ns, status, reason, article_id, run_id, seen_at)
SELECT file_path, file_sha256, size_bytes, mtime_ns, status, reason, article_id, $run_id, $now
FROM batch_log
ON CONFLICT DO NOTHING;
