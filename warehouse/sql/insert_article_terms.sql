INSERT INTO article_terms (article_id, term, weight)
SELECT article_id, term, weight FROM batch_terms;
