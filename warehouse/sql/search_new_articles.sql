-- Articles the full-text index has not seen, one row per indexed field, for
-- append_search_index.sql.
CREATE OR REPLACE TEMP TABLE search_new_fields AS
WITH unseen AS (
    SELECT article_id, title, body
    FROM articles AS a
    WHERE NOT EXISTS (SELECT 1 FROM fts_main_articles.docs AS d WHERE d.name = a.article_id)
)
SELECT article_id AS name, 'title' AS field, title AS text FROM unseen
UNION ALL
SELECT article_id, 'body', body FROM unseen;
