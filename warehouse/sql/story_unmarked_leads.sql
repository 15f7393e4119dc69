-- The lead persons of stored articles this batch was compared with that carry
-- no participant terms: placed before migration 006, unless no word of the
-- name is one the terms keep (Python tells the two apart).
SELECT article_id, text, label, sentence_index, start_char
FROM entity_mentions
WHERE label = 'PERSON' AND sentence_index <= $sentences
  AND article_id IN (SELECT stored_id FROM batch_pairs WHERE NOT has_participants);
