-- The files a run rejected or quarantined, with their reasons.
SELECT file_path, status, reason
FROM ingest_log
WHERE run_id = $run_id AND status IN ('rejected', 'quarantined')
ORDER BY status, file_path;
