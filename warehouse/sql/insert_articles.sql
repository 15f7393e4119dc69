INSERT INTO articles
    (article_id, source_path, outlet, published_date, title, body, word_count, language,
     ingested_at, run_id, extraction_model, extraction_rules)
SELECT article_id, source_path, outlet, published_date, title, body, word_count, language,
       $now, $run_id, extraction_model, extraction_rules
FROM batch_articles
ON CONFLICT DO NOTHING;
