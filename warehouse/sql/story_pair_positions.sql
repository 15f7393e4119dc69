-- The batch's pairs as integers: the pair (its rowid in batch_pairs), i its
-- batch article's position in batch_index, j its stored one's in batch_stored.
SELECT p.rowid AS pair, p.i, s.j
FROM batch_pairs p
JOIN batch_stored s USING (stored_id);
