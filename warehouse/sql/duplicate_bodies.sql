-- The bodies of the stored articles in duplicate_candidates.sql. A semi-join,
-- so that bodies stream past it: joined with the candidates in one query, every
-- stored article's body went into the join's hash table, a cost that grew with
-- the warehouse (issue 7: +0.5-0.9 GiB at 100,000 stored articles, with no
-- candidate at all).
SELECT article_id, body
FROM articles
WHERE article_id IN (
    SELECT s.article_id
    FROM batch_pairs p
    JOIN story_articles s ON s.sequence = p.stored
    WHERE p.dot >= $screen
);
