INSERT INTO events
    (event_id, article_id, sentence_index, trigger_lemma, trigger_text, event_type,
     actor_text, actor_entity_id, target_text, target_entity_id, location_text,
     location_entity_id, event_date, date_text, date_precision, date_source, modality,
     negated, start_char, end_char)
SELECT event_id, article_id, sentence_index, trigger_lemma, trigger_text, event_type,
       actor_text, actor_entity_id, target_text, target_entity_id, location_text,
       location_entity_id, event_date, date_text, date_precision, date_source, modality,
       negated, start_char, end_char
FROM batch_events
ON CONFLICT DO NOTHING;
