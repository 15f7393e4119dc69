-- Quotes ranked by BM25 over their text ($query, top $limit), with who said
-- them (the resolved entity's name where there is one) and where.
WITH scored AS (
    SELECT quote_id, fts_main_quotes.match_bm25(quote_id, $query) AS score
    FROM quotes
)
SELECT s.score, coalesce(e.canonical_name, q.speaker_text) AS speaker, q.quote_text,
       q.kind, q.article_id, a.outlet, a.published_date
FROM scored s
JOIN quotes q USING (quote_id)
JOIN articles a ON a.article_id = q.article_id
LEFT JOIN entities e ON e.entity_id = q.speaker_entity_id
WHERE s.score IS NOT NULL
ORDER BY s.score DESC, q.quote_id
LIMIT $limit;
