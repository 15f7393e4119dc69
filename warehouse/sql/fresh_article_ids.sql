-- Articles of the batch the warehouse does not hold yet (read inside the load
-- transaction, so a repeated batch adds nothing and counts nothing twice).
SELECT b.article_id
FROM batch_articles AS b
ANTI JOIN articles AS a ON a.article_id = b.article_id;
