-- The $limit speakers quoted most (quotes resolved to an entity), one row per
-- speaker and kind of quote, with the speaker's total for ordering.
WITH speakers AS (
    SELECT q.speaker_entity_id AS entity_id, count(*) AS total_quotes
    FROM quotes q
    WHERE q.speaker_entity_id IS NOT NULL
    GROUP BY ALL
    ORDER BY total_quotes DESC, entity_id
    LIMIT $limit
)
SELECT s.entity_id, e.canonical_name AS speaker, q.kind, count(*) AS quotes, s.total_quotes
FROM speakers s
JOIN entities e USING (entity_id)
JOIN quotes q ON q.speaker_entity_id = s.entity_id
GROUP BY ALL
ORDER BY s.total_quotes DESC, s.entity_id, q.kind;
