INSERT INTO story_articles
    (story_id, incident_id, article_id, score, incident_score, duplicate_of, sequence)
SELECT story_id, incident_id, article_id, score, incident_score, duplicate_of, sequence
FROM batch_placements;
