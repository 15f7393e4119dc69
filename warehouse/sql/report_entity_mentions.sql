-- Mentions per $period ('day' or 'week', by publication date) of the $limit
-- entities mentioned most. A name two entities share (a person and a place)
-- carries its label, so the chart does not merge them.
WITH leaders AS (
    SELECT entity_id, count(*) AS total_mentions
    FROM entity_mentions
    WHERE entity_id IS NOT NULL
    GROUP BY ALL
    ORDER BY total_mentions DESC, entity_id
    LIMIT $limit
),
named AS (
    SELECT t.entity_id, t.total_mentions,
           CASE WHEN count(*) OVER (PARTITION BY e.canonical_name) > 1
                THEN e.canonical_name || ' (' || e.label || ')'
                ELSE e.canonical_name END AS entity
    FROM leaders t JOIN entities e USING (entity_id)
)
SELECT n.entity_id, n.entity,
       CAST(date_trunc($period, a.published_date) AS DATE) AS period,
       count(*) AS mentions, n.total_mentions
FROM named n
JOIN entity_mentions m USING (entity_id)
JOIN articles a ON a.article_id = m.article_id
GROUP BY ALL
ORDER BY n.total_mentions DESC, n.entity_id, period;
