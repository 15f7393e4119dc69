-- Finished runs whose writes no invariant check has found consistent yet. A
-- completed run that saw no file wrote nothing but its own row.
SELECT run_id
FROM runs
WHERE checked_at IS NULL
  AND status <> 'running'
  AND NOT (status = 'completed' AND files_seen = 0)
ORDER BY run_id;
