-- Articles ranked by BM25 over title and body ($query, top $limit). first_term
-- is the first body word whose stem is one of the query's index terms ($terms,
-- search_query_terms.sql): the snippet is centred on it.
WITH scored AS (
    SELECT article_id, outlet, published_date, title, body,
           fts_main_articles.match_bm25(article_id, $query) AS score
    FROM articles
)
SELECT s.score, s.article_id, s.outlet, s.published_date, s.title, s.body,
       list_filter(
           fts_main_articles.tokenize(s.body), w -> list_contains($terms, stem(w, 'porter'))
       )[1] AS first_term
FROM scored s
WHERE s.score IS NOT NULL
ORDER BY s.score DESC, s.article_id
LIMIT $limit;
