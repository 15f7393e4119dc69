-- Articles ranked by BM25 over title and body ($query, top $limit). first_term
-- is the first body word whose stem is a (non-stopword) query term: the
-- snippet is centred on it.
WITH query_terms AS (
    SELECT list(DISTINCT term) AS terms
    FROM (
        SELECT stem(word, 'porter') AS term
        FROM (SELECT unnest(fts_main_articles.tokenize($query)) AS word)
        WHERE word NOT IN (SELECT sw FROM fts_main_articles.stopwords)
    )
    WHERE term <> ''
),
scored AS (
    SELECT article_id, outlet, published_date, title, body,
           fts_main_articles.match_bm25(article_id, $query) AS score
    FROM articles
)
SELECT s.score, s.article_id, s.outlet, s.published_date, s.title, s.body,
       list_filter(
           fts_main_articles.tokenize(s.body), w -> list_contains(q.terms, stem(w, 'porter'))
       )[1] AS first_term
FROM scored s, query_terms q
WHERE s.score IS NOT NULL
ORDER BY s.score DESC, s.article_id
LIMIT $limit;
