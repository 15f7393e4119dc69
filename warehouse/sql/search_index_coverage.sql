-- Documents in each full-text index against rows in its table. Articles and
-- quotes are only ever inserted, so equal counts mean the index is current.
SELECT 'articles' AS indexed_table,
       (SELECT num_docs FROM fts_main_articles.stats) AS indexed,
       (SELECT count(*) FROM articles) AS stored
UNION ALL
SELECT 'quotes',
       (SELECT num_docs FROM fts_main_quotes.stats),
       (SELECT count(*) FROM quotes);
