SELECT run_id, flow_run_id, started_at, finished_at, status,
       files_seen, loaded, duplicates, rejected, quarantined, validation_passed
FROM runs
WHERE run_id = $run_id;
