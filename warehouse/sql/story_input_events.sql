SELECT article_id, event_date, date_text, date_precision, date_source
FROM events WHERE article_id IN (SELECT article_id FROM batch_ids);
