SELECT article_id, entity_id, text, label, sentence_index, start_char
FROM entity_mentions WHERE article_id IN (SELECT article_id FROM batch_ids);
