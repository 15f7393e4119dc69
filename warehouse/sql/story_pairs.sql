-- Blocking: every stored article that shares a term with a batch article, with
-- the dot product of their vectors (their cosine). Pairs sharing no term never
-- appear, so the cost follows the batch's postings, not the warehouse's size.
-- Participant terms (P: principal, N: named; weight 0) take no part here:
-- whether a pair's participants conflict is decided in Python by the rule that
-- weighs the batch's own pairs (warehouse/stories.py: `place`, with
-- transforms/story_terms.py: `conflicts`), from the terms of only the stored
-- articles these pairs reach (story_participant_terms.sql). Comparing them in
-- this query instead grew its memory with the warehouse (issue 7). A batch
-- article is its position i (batch_index) and a stored one its arrival sequence,
-- not their ids: at 20,000 stored copies of one corpus a batch of 500 makes 1.7
-- million pairs, and the join peaked at 378 MiB with string keys, 305 with integers.
CREATE OR REPLACE TEMP TABLE batch_pairs AS
SELECT x.i, t.sequence AS stored, sum(b.weight * t.weight) AS dot
FROM batch_terms b
JOIN batch_index x USING (article_id)
JOIN article_terms t USING (term)
WHERE b.weight > 0
GROUP BY ALL;
