INSERT OR REPLACE INTO file_touches (file_path, file_sha256, size_bytes, mtime_ns, run_id, seen_at)
SELECT file_path, file_sha256, size_bytes, mtime_ns, $run_id, $now
FROM batch_touched;
