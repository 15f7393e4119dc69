-- Blocking: every stored article that shares a term with a batch article, with
-- the dot product of their vectors (their cosine). Pairs sharing no term never
-- appear, so the cost follows the batch's postings, not the warehouse's size.
CREATE OR REPLACE TEMP TABLE batch_pairs AS
SELECT b.article_id, t.article_id AS stored_id, sum(b.weight * t.weight) AS dot
FROM batch_terms b
JOIN article_terms t USING (term)
GROUP BY ALL;
