SELECT a.article_id
FROM articles AS a
SEMI JOIN batch_ids AS b ON a.article_id = b.article_id;
