-- Stored articles whose term vectors look like a batch article's (cosine at
-- least $screen), earliest arrival first, with their homes and originals; their
-- bodies come from duplicate_bodies.sql, only when there are any.
SELECT b.article_id, s.article_id AS stored_id, s.story_id, s.incident_id, s.duplicate_of
FROM batch_pairs p
JOIN batch_index b USING (i)
JOIN story_articles s ON s.sequence = p.stored
WHERE p.dot >= $screen
ORDER BY b.article_id, s.sequence;
