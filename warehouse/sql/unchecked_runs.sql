-- Finished runs whose spans no invariant check has found consistent with their
-- bodies yet. A completed run that saw no file wrote no span.
SELECT run_id
FROM runs
WHERE checked_at IS NULL
  AND status <> 'running'
  AND NOT (status = 'completed' AND files_seen = 0)
ORDER BY run_id;
