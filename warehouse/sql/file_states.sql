-- How many files are in each state, by each file's latest log row.
WITH latest AS (
    SELECT status
    FROM ingest_log
    QUALIFY row_number() OVER (PARTITION BY file_path ORDER BY seen_at DESC) = 1
)
SELECT status, count(*) AS files
FROM latest
GROUP BY status
ORDER BY status;
