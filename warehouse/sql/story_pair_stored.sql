-- The stored articles the batch's pairs reach, each once: the only ones whose
-- participant terms are read.
SELECT DISTINCT stored_id FROM batch_pairs ORDER BY stored_id;
