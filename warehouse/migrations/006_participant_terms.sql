-- Story placement stores who each article is about beside its vector, as terms of
-- weight 0 that take no part in any cosine (transforms/story_terms.py:
-- `participant_terms`); only the incident level's conflict test reads them.
-- Articles placed before this migration have none, so the conflict test never
-- fires against them, while a rebuild gives every article its terms: a
-- warehouse whose stories were placed before 006 should run
-- `newsdesk stories --rebuild` once, after which runs and a rebuild agree again
-- (until then a run warns when it meets such articles: warehouse/stories.py).
COMMENT ON TABLE article_terms IS 'Each article''s weighted terms (rare words, entities, event dates): the vectors stories are grouped by; plus weight-0 participant terms read only by the incident level''s conflict test.';
COMMENT ON COLUMN article_terms.term IS 'A word, an entity (E:<entity_id>), a day (D:<date>), or, with weight 0, a word of the principal person''s name (P:<word>) or of a prominently named person''s (N:<word>).';
COMMENT ON COLUMN article_terms.weight IS 'Weight in the article''s unit-length vector; 0 for participant terms (P:, N:).';
