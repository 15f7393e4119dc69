-- Candidate blocking keys each stored article by its arrival sequence
-- (story_articles.sequence) instead of its 16-character id: the blocking join
-- makes a row per pair of a batch article and a stored one (1.7 million for a
-- batch of 500 at 20,000 stored copies of one corpus), and an integer key holds
-- that join in ~19 % less memory (378 -> 305 MiB at 18,784 stored articles;
-- issue 7). The table is rebuilt so the new column is NOT NULL; a term whose
-- article was never placed has no vector to be part of and is not carried over.
CREATE TABLE article_terms_keyed (
    article_id VARCHAR NOT NULL,
    sequence   BIGINT NOT NULL,
    term       VARCHAR NOT NULL,
    weight     DOUBLE NOT NULL
);

INSERT INTO article_terms_keyed (article_id, sequence, term, weight)
SELECT t.article_id, s.sequence, t.term, t.weight
FROM article_terms t
JOIN story_articles s USING (article_id);

DROP TABLE article_terms;
ALTER TABLE article_terms_keyed RENAME TO article_terms;

COMMENT ON TABLE article_terms IS 'Each article''s weighted terms (rare words, entities, event dates): the vectors stories are grouped by; plus weight-0 participant terms read only by the incident level''s conflict test.';
COMMENT ON COLUMN article_terms.article_id IS 'The article (articles.article_id).';
COMMENT ON COLUMN article_terms.sequence IS 'The article''s arrival order (story_articles.sequence): the integer key candidate blocking joins on.';
COMMENT ON COLUMN article_terms.term IS 'A word, an entity (E:<entity_id>), a day (D:<date>), or, with weight 0, a word of the principal person''s name (P:<word>) or of a prominently named person''s (N:<word>).';
COMMENT ON COLUMN article_terms.weight IS 'Weight in the article''s unit-length vector; 0 for participant terms (P:, N:).';
