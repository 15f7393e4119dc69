WITH run_articles AS (
    SELECT article_id FROM articles WHERE run_id = $run_id
),
run_entities AS (
    SELECT DISTINCT entity_id FROM entity_mentions SEMI JOIN run_articles USING (article_id)
),
older_mentions AS (
    SELECT DISTINCT m.entity_id
    FROM entity_mentions AS m
    SEMI JOIN run_entities USING (entity_id)
    ANTI JOIN run_articles USING (article_id)
)
SELECT r.run_id, r.flow_run_id, r.started_at, r.finished_at, r.status,
       r.files_seen, r.loaded, r.duplicates, r.rejected, r.quarantined, r.validation_passed,
       (SELECT count(*) FROM entity_mentions SEMI JOIN run_articles USING (article_id)) AS mentions,
       (SELECT count(*) FROM run_entities ANTI JOIN older_mentions USING (entity_id)) AS new_entities,
       (SELECT count(*) FROM quotes SEMI JOIN run_articles USING (article_id)) AS quotes,
       (SELECT count(*) FROM events SEMI JOIN run_articles USING (article_id)) AS events,
       (SELECT count(DISTINCT story_id) FROM story_articles SEMI JOIN run_articles USING (article_id)) AS stories,
       (SELECT count(*) FROM story_articles SEMI JOIN run_articles USING (article_id)
        WHERE score IS NULL AND duplicate_of IS NULL) AS new_stories,  -- founders match no story
       (SELECT count(*) FROM story_articles SEMI JOIN run_articles USING (article_id)
        WHERE duplicate_of IS NOT NULL) AS near_duplicates
FROM runs AS r
WHERE r.run_id = $run_id;
