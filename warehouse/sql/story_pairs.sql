-- Blocking: every stored article that shares a term with a batch article, with
-- the dot product of their vectors (their cosine). Pairs sharing no term never
-- appear, so the cost follows the batch's postings, not the warehouse's size.
-- Participant terms (P: principal, N: named; weight 0) take no part in the dot;
-- `conflict` marks pairs that each name a principal person and where neither
-- names any word of the other's (transforms/story_terms.py: `conflict`).
CREATE OR REPLACE TEMP TABLE batch_pairs AS
WITH dots AS (
    SELECT b.article_id, t.article_id AS stored_id, sum(b.weight * t.weight) AS dot
    FROM batch_terms b
    JOIN article_terms t USING (term)
    WHERE b.weight > 0
    GROUP BY ALL
),
wanted AS (
    -- the stored term that would show a batch article and a stored one agree
    SELECT article_id, 'N:' || substr(term, 3) AS term FROM batch_terms
    WHERE starts_with(term, 'P:')
    UNION ALL
    SELECT article_id, 'P:' || substr(term, 3) FROM batch_terms
    WHERE starts_with(term, 'N:')
),
agreeing AS (
    SELECT DISTINCT w.article_id, t.article_id AS stored_id
    FROM wanted w JOIN article_terms t USING (term)
),
principals AS (
    SELECT DISTINCT article_id FROM batch_terms WHERE starts_with(term, 'P:')
),
stored_principals AS (
    SELECT DISTINCT article_id FROM article_terms
    WHERE starts_with(term, 'P:') AND article_id IN (SELECT stored_id FROM dots)
)
SELECT d.article_id, d.stored_id, d.dot,
       d.article_id IN (SELECT article_id FROM principals)
       AND d.stored_id IN (SELECT article_id FROM stored_principals)
       AND a.article_id IS NULL AS conflict
FROM dots d
LEFT JOIN agreeing a ON a.article_id = d.article_id AND a.stored_id = d.stored_id;
