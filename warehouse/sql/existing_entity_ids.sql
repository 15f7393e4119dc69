SELECT e.entity_id
FROM entities AS e
SEMI JOIN batch_ids AS b ON e.entity_id = b.entity_id;
