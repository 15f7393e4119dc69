SELECT article_id, entity_id, text
FROM entity_mentions WHERE article_id IN (SELECT article_id FROM batch_ids);
