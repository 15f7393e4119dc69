-- Called by a run that holds the writer lock, so no other run is alive: a run
-- still marked running was killed. Its chunks committed with their counts; the
-- chunk it was loading rolled back, and its files are picked up again.
UPDATE runs SET status = 'interrupted'
WHERE status = 'running';
