-- Counts add up batch by batch (the batch holds only articles new to the
-- warehouse); the name kept is the longest full form seen, ties alphabetical,
-- so the result does not depend on the order articles arrive in.
INSERT INTO entities
    (entity_id, canonical_name, label, mention_count, article_count, first_seen, last_seen)
SELECT entity_id, canonical_name, label, mention_count, article_count, first_seen, last_seen
FROM batch_entities
ON CONFLICT (entity_id) DO UPDATE SET
    mention_count  = entities.mention_count + excluded.mention_count,
    article_count  = entities.article_count + excluded.article_count,
    first_seen     = least(entities.first_seen, excluded.first_seen),
    last_seen      = greatest(entities.last_seen, excluded.last_seen),
    canonical_name = CASE
        WHEN length(excluded.canonical_name) > length(entities.canonical_name)
          OR (length(excluded.canonical_name) = length(entities.canonical_name)
              AND excluded.canonical_name < entities.canonical_name)
        THEN excluded.canonical_name
        ELSE entities.canonical_name
    END;
