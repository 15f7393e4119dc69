-- Average-link numerators: for each batch article, the sum of its cosines with
-- the original articles of every stored story and incident it can reach; at the
-- incident level the cosine of a pair in batch_conflicts (its rowid: their
-- participants conflict, warehouse/stories.py) counts $conflict times.
WITH sums AS (
    SELECT p.i, coalesce(s.story_id, s.incident_id) AS cluster_id,
           CASE WHEN s.story_id IS NULL
                THEN sum(CASE WHEN p.rowid IN (SELECT pair FROM batch_conflicts)
                              THEN p.dot * $conflict ELSE p.dot END)
                ELSE sum(p.dot)
           END AS dot
    FROM batch_pairs p
    JOIN story_articles s ON s.sequence = p.stored AND s.duplicate_of IS NULL
    GROUP BY GROUPING SETS ((p.i, s.story_id), (p.i, s.incident_id))
)
SELECT b.article_id, sums.cluster_id, sums.dot
FROM sums
JOIN batch_index b USING (i);
