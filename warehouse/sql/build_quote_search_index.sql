-- BM25 index over quote texts (schema fts_main_quotes), rebuilt whole from `quotes`,
-- tokenized as the articles' index is.
PRAGMA create_fts_index(
    'quotes', 'quote_id', 'quote_text',
    stemmer = 'porter', stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1,
    ignore = '(\\.|[^a-z0-9])+'
);
