-- What story assignment reads of stored articles (for a rebuild).
SELECT article_id, outlet, published_date, title, body
FROM articles WHERE article_id IN (SELECT article_id FROM batch_ids);
