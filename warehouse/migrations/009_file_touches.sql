-- A file whose modification time moved while its bytes stayed those of its
-- last ingest_log row (touched, copied or restored with new times) changes no
-- state, so it gets no log row. Its new size and time are kept here, or every
-- later run would read and hash it again.
CREATE TABLE file_touches (
    file_path   VARCHAR PRIMARY KEY,
    file_sha256 VARCHAR NOT NULL,
    size_bytes  BIGINT NOT NULL,
    mtime_ns    BIGINT NOT NULL,
    run_id      VARCHAR NOT NULL,
    seen_at     TIMESTAMP NOT NULL
);

COMMENT ON TABLE file_touches IS 'Files read again because their modification time moved, whose bytes were those of their last ingest_log row: their latest size and time, so later runs do not read them again. One row per file.';
COMMENT ON COLUMN file_touches.file_path IS 'Path of the file, as in ingest_log.file_path.';
COMMENT ON COLUMN file_touches.file_sha256 IS 'SHA-256 of the bytes read: the same as the file''s last ingest_log row.';
COMMENT ON COLUMN file_touches.size_bytes IS 'Size when last read, in bytes.';
COMMENT ON COLUMN file_touches.mtime_ns IS 'Modification time when last read (nanoseconds since the epoch).';
COMMENT ON COLUMN file_touches.run_id IS 'The run that read it (runs.run_id).';
COMMENT ON COLUMN file_touches.seen_at IS 'When it was read (UTC).';
