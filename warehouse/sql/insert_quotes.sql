INSERT INTO quotes
    (quote_id, article_id, kind, quote_text, start_char, end_char, speaker_text,
     speaker_entity_id, cue_verb, sentence_index)
SELECT quote_id, article_id, kind, quote_text, start_char, end_char, speaker_text,
       speaker_entity_id, cue_verb, sentence_index
FROM batch_quotes
ON CONFLICT DO NOTHING;
