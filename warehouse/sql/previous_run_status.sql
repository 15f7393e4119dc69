-- How the latest run before $run_id ended (no row on a fresh warehouse).
SELECT status
FROM runs
WHERE run_id <> $run_id
ORDER BY started_at DESC, run_id DESC
LIMIT 1;
