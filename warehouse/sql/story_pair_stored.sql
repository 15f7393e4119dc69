-- The stored articles the batch's pairs reach, each once, by sequence: the only
-- ones whose participant terms are read.
SELECT DISTINCT stored AS j FROM batch_pairs;
