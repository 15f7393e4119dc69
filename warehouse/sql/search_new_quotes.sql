-- Quotes the full-text index has not seen, for append_search_index.sql.
CREATE OR REPLACE TEMP TABLE search_new_fields AS
SELECT quote_id AS name, 'quote_text' AS field, quote_text AS text
FROM quotes AS q
WHERE NOT EXISTS (SELECT 1 FROM fts_main_quotes.docs AS d WHERE d.name = q.quote_id);
