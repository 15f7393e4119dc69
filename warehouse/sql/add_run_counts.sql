-- Counts come from the log rows written in the same transaction, so `runs`
-- never disagrees with `ingest_log`.
UPDATE runs SET
    files_seen  = runs.files_seen + c.files_seen,
    loaded      = runs.loaded + c.loaded,
    duplicates  = runs.duplicates + c.duplicates,
    rejected    = runs.rejected + c.rejected,
    quarantined = runs.quarantined + c.quarantined
FROM (
    SELECT count(*)                                    AS files_seen,
           count(*) FILTER (WHERE status = 'loaded')      AS loaded,
           count(*) FILTER (WHERE status = 'duplicate')   AS duplicates,
           count(*) FILTER (WHERE status = 'rejected')    AS rejected,
           count(*) FILTER (WHERE status = 'quarantined') AS quarantined
    FROM ingest_log
    WHERE run_id = $run_id AND seen_at = $now
) AS c
WHERE runs.run_id = $run_id;
