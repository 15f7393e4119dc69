-- The participant terms (weight 0, P: and N:) of the stored articles in
-- batch_stored, by their sequence j: a few rows each; one placed before
-- migration 006 has none.
SELECT s.j, t.term
FROM article_terms t
JOIN batch_stored s ON s.j = t.sequence
WHERE t.weight = 0 AND (starts_with(t.term, 'P:') OR starts_with(t.term, 'N:'));
