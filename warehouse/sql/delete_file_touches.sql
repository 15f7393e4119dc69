-- A file that gets a log row has a new state: a touch recorded before it is
-- no longer its latest size and time.
DELETE FROM file_touches
WHERE file_path IN (SELECT file_path FROM batch_log);
