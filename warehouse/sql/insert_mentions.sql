INSERT INTO entity_mentions
    (mention_id, article_id, entity_id, text, label, start_char, end_char, sentence_index)
SELECT mention_id, article_id, entity_id, text, label, start_char, end_char, sentence_index
FROM batch_mentions
ON CONFLICT DO NOTHING;
