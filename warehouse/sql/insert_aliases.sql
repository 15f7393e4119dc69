INSERT INTO entity_aliases (entity_id, alias)
SELECT entity_id, alias FROM batch_aliases
ON CONFLICT DO NOTHING;
