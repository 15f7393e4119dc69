-- A run's invariant check compares spans with the bodies of the runs no check
-- has found consistent yet: the run itself and any run that failed, was killed
-- (during its own check too) or whose spans differed from their bodies. Runs
-- recorded before this migration have no mark, so the first run after it
-- compares every body once.
ALTER TABLE runs ADD COLUMN checked_at TIMESTAMP;

COMMENT ON COLUMN runs.checked_at IS 'When an invariant check found the spans of this run''s articles consistent with their bodies; NULL until then, and each later run compares them again. A completed run that saw no file wrote no span and stays NULL.';
