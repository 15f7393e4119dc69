-- BM25 index over article titles and bodies (schema fts_main_articles); numbers
-- are words (the extension's default `ignore` drops digits). DuckDB's
-- fts index does not follow its table: this rebuilds it whole from `articles`.
PRAGMA create_fts_index(
    'articles', 'article_id', 'title', 'body',
    stemmer = 'porter', stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1,
    ignore = '(\\.|[^a-z0-9])+'
);
