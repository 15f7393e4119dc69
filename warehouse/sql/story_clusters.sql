-- Size (original articles) and date range of the stored clusters in `batch_clusters`.
SELECT story_id AS cluster_id, 'story' AS level, story_id, article_count, first_date, last_date
FROM stories WHERE story_id IN (SELECT cluster_id FROM batch_clusters)
UNION ALL
SELECT incident_id, 'incident', story_id, article_count, first_date, last_date
FROM incidents WHERE incident_id IN (SELECT cluster_id FROM batch_clusters);
