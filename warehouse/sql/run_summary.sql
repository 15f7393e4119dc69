WITH run_articles AS (
    SELECT article_id FROM articles WHERE run_id = $run_id
)
SELECT r.run_id, r.flow_run_id, r.started_at, r.finished_at, r.status,
       r.files_seen, r.loaded, r.duplicates, r.rejected, r.quarantined, r.validation_passed,
       (SELECT count(*) FROM entity_mentions SEMI JOIN run_articles USING (article_id)) AS mentions,
       (SELECT count(*) FROM quotes SEMI JOIN run_articles USING (article_id)) AS quotes,
       (SELECT count(*) FROM events SEMI JOIN run_articles USING (article_id)) AS events
FROM runs AS r
WHERE r.run_id = $run_id;
