-- The batch's pairs as integers: the pair (its rowid in batch_pairs), i its
-- batch article's position in batch_index, j its stored one's sequence. Only
-- pairs whose two articles both lead with a person can conflict (batch_led: the
-- batch positions; stored_led: the stored sequences), so only those leave
-- DuckDB: their number, not all pairs', is what the conflict joins hold.
SELECT p.rowid AS pair, p.i, p.stored AS j
FROM batch_pairs p
WHERE p.i IN (SELECT i FROM batch_led)
  AND p.stored IN (SELECT j FROM stored_led);
