-- How many files are in each state, by each file's latest log row.
SELECT status, count(*) AS files
FROM file_states
GROUP BY status
ORDER BY status;
