SELECT run_id, started_at, finished_at, status,
       files_seen, loaded, duplicates, rejected, quarantined
FROM runs
ORDER BY started_at DESC
LIMIT $limit;
