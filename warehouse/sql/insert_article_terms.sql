-- Every article of a batch is placed, so each term finds its sequence.
INSERT INTO article_terms (article_id, sequence, term, weight)
SELECT t.article_id, p.sequence, t.term, t.weight
FROM batch_terms t
JOIN batch_placements p USING (article_id);
