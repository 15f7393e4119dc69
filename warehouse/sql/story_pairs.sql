-- Blocking: every stored article that shares a term with a batch article, with
-- the dot product of their vectors (their cosine). Pairs sharing no term never
-- appear, so the cost follows the batch's postings, not the warehouse's size.
-- Participant terms (P: principal, N: named; weight 0) take no part in the dot;
-- `conflict` marks pairs that each name a principal person and where neither
-- names any word of the other's (transforms/story_terms.py: `conflict`). They
-- are read for every stored article (`stored_people`, a few rows each: reading
-- only those the pairs reached joins back to `dots` and took the query's own
-- peak from 0.3 to 1.6 GiB at 17,000 stored articles), and compared only within
-- those pairs, so comparing them costs in proportion to the pairs, never to
-- how many stored articles share a name. `has_participants`
-- tells whether the stored article has any: one placed before migration 006
-- has none (warehouse/stories.py: `place` warns when that matters).
CREATE OR REPLACE TEMP TABLE batch_pairs AS
WITH dots AS MATERIALIZED (
    SELECT b.article_id, t.article_id AS stored_id, sum(b.weight * t.weight) AS dot
    FROM batch_terms b
    JOIN article_terms t USING (term)
    WHERE b.weight > 0
    GROUP BY ALL
),
stored_people AS MATERIALIZED (
    SELECT t.article_id AS stored_id, t.term
    FROM article_terms t
    WHERE t.weight = 0 AND (starts_with(t.term, 'P:') OR starts_with(t.term, 'N:'))
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
    SELECT DISTINCT w.article_id, p.stored_id
    FROM wanted w
    JOIN stored_people p USING (term)
    JOIN dots d ON d.article_id = w.article_id AND d.stored_id = p.stored_id
),
principals AS (
    SELECT DISTINCT article_id FROM batch_terms WHERE starts_with(term, 'P:')
),
stored_principals AS (
    SELECT DISTINCT stored_id FROM stored_people WHERE starts_with(term, 'P:')
)
SELECT d.article_id, d.stored_id, d.dot,
       d.article_id IN (SELECT article_id FROM principals)
       AND d.stored_id IN (SELECT stored_id FROM stored_principals)
       AND a.article_id IS NULL AS conflict,
       d.stored_id IN (SELECT stored_id FROM stored_people) AS has_participants
FROM dots d
LEFT JOIN agreeing a ON a.article_id = d.article_id AND a.stored_id = d.stored_id;
