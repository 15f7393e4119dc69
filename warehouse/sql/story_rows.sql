-- The rows of every story (level 'story') or incident the batch touches, as
-- they stand once the batch is in: the stored members plus `batch_placements`
-- (whose articles a rebuild has already stored, hence the NOT IN).
-- The title is that of the most central original article, the one whose
-- vector has the largest dot product with the cluster's summed vector.
WITH placed AS (
    SELECT story_id, incident_id, article_id, duplicate_of FROM story_articles
    UNION ALL
    SELECT story_id, incident_id, article_id, duplicate_of FROM batch_placements
),
members AS (
    SELECT CASE WHEN $level = 'story' THEN story_id ELSE incident_id END AS cluster_id,
           story_id, article_id, duplicate_of
    FROM placed
    WHERE CASE WHEN $level = 'story' THEN story_id ELSE incident_id END IN (
        SELECT CASE WHEN $level = 'story' THEN story_id ELSE incident_id END
        FROM batch_placements
    )
),
docs AS (
    SELECT article_id, outlet, published_date, title FROM articles
    WHERE article_id IN (SELECT article_id FROM members)
      AND article_id NOT IN (SELECT article_id FROM batch_articles)
    UNION ALL
    SELECT article_id, outlet, published_date, title FROM batch_articles
),
terms AS (
    SELECT article_id, term, weight FROM article_terms
    WHERE article_id IN (SELECT article_id FROM members WHERE duplicate_of IS NULL)
      AND article_id NOT IN (SELECT article_id FROM batch_terms)
    UNION ALL
    SELECT article_id, term, weight FROM batch_terms
),
originals AS (
    SELECT m.cluster_id, t.article_id, t.term, t.weight
    FROM members m JOIN terms t USING (article_id)
    WHERE m.duplicate_of IS NULL
),
centroid AS (
    SELECT cluster_id, term, sum(weight) AS weight FROM originals GROUP BY ALL
),
centrality AS (
    SELECT o.cluster_id, o.article_id, round(sum(o.weight * c.weight), 9) AS score
    FROM originals o JOIN centroid c USING (cluster_id, term)
    GROUP BY ALL
),
central AS (
    SELECT cluster_id, first(article_id ORDER BY score DESC, article_id) AS article_id
    FROM centrality GROUP BY ALL
)
SELECT m.cluster_id AS story_id,
       any_value(m.story_id) AS parent_id,
       any_value(ct.title) AS title,
       min(d.published_date) AS first_date,
       max(d.published_date) AS last_date,
       CAST(count(*) FILTER (WHERE m.duplicate_of IS NULL) AS INTEGER) AS article_count,
       CAST(count(DISTINCT d.outlet) AS INTEGER) AS outlet_count
FROM members m
JOIN docs d USING (article_id)
LEFT JOIN central c ON c.cluster_id = m.cluster_id
LEFT JOIN docs ct ON ct.article_id = c.article_id
GROUP BY m.cluster_id
ORDER BY m.cluster_id;
