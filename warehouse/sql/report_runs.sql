-- The last $limit runs with what happened to the files each one saw, oldest
-- first (the order the chart reads in).
SELECT run_id, started_at::TIMESTAMP_S AS started_at, status, files_seen,
       loaded, duplicates, rejected, quarantined
FROM (SELECT * FROM runs ORDER BY started_at DESC, run_id DESC LIMIT $limit)
ORDER BY started_at, run_id;
