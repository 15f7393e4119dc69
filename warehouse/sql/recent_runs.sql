SELECT run_id, started_at::TIMESTAMP_S AS started_at, finished_at::TIMESTAMP_S AS finished_at,
       status, files_seen, loaded, duplicates, rejected, quarantined
FROM runs
ORDER BY started_at DESC
LIMIT $limit;
