-- The lead persons of the stored articles in batch_unmarked (by sequence):
-- compared with this batch but carrying no participant terms, so placed before
-- migration 006, unless no word of the name is one the terms keep (Python tells
-- the two apart).
SELECT article_id, text, label, sentence_index, start_char
FROM entity_mentions
WHERE label = 'PERSON' AND sentence_index <= $sentences
  AND article_id IN (
      SELECT article_id FROM story_articles
      WHERE sequence IN (SELECT sequence FROM batch_unmarked)
  );
