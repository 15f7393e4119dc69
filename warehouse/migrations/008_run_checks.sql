-- A run's invariant check compares spans with the bodies of the runs no check
-- has found consistent yet: the run itself and any run that failed, was killed
-- (during its own check too) or whose check found violations. Runs recorded
-- before this migration have no mark, so the first run after it compares every
-- body once.
ALTER TABLE runs ADD COLUMN checked_at TIMESTAMP;

COMMENT ON COLUMN runs.checked_at IS 'When a run''s invariant check found the warehouse consistent with what this run wrote; NULL until then, and the next run checks its articles again.';
