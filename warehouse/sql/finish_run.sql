-- validation_passed: every article the run validated passed (NULL when it validated none).
UPDATE runs SET
    finished_at = $now,
    status = $status,
    validation_passed = CASE WHEN loaded + quarantined = 0 THEN NULL ELSE quarantined = 0 END
WHERE run_id = $run_id;
