-- A file's state is its latest ingest_log row. Discovery, `newsdesk status` and
-- analysts all ask for it, so the rule is written once, here.
CREATE VIEW file_states AS
SELECT file_path, status, reason, article_id, file_sha256, size_bytes, mtime_ns, run_id, seen_at
FROM ingest_log
QUALIFY row_number() OVER (PARTITION BY file_path ORDER BY seen_at DESC) = 1;

COMMENT ON VIEW file_states IS 'One row per file ever recorded: its latest ingest_log row, i.e. the state it is in now.';
COMMENT ON COLUMN file_states.file_path IS 'Path of the file (bytes that are not UTF-8 written as \xNN escapes).';
COMMENT ON COLUMN file_states.status IS 'Current state: loaded, duplicate, rejected or quarantined.';
COMMENT ON COLUMN file_states.reason IS 'Why (rejected, duplicate, quarantined), or what was repaired or skipped (loaded).';
COMMENT ON COLUMN file_states.article_id IS 'The article the file became or duplicates; NULL when rejected before parsing.';
COMMENT ON COLUMN file_states.file_sha256 IS 'SHA-256 of the bytes last read; NULL when the file was not read.';
COMMENT ON COLUMN file_states.size_bytes IS 'File size when this state was recorded (a later touch is in file_touches).';
COMMENT ON COLUMN file_states.mtime_ns IS 'File modification time when this state was recorded (ns since the epoch).';
COMMENT ON COLUMN file_states.run_id IS 'The run that recorded this state.';
COMMENT ON COLUMN file_states.seen_at IS 'When this state was recorded (UTC).';
