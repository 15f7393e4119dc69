-- Adds the rows staged in the temp table search_new_fields (name, field, text)
-- to the full-text index {index}, as PRAGMA create_fts_index would have indexed
-- them: same tokenizer macro, stopwords and stemmer, then document frequencies
-- and the BM25 statistics brought up to date. Tokenising and stemming, the
-- cost of a rebuild, follow the new rows; what scans the index (new ids against
-- docs, new terms against dict, stats) is cheap beside it. It writes the
-- extension's own tables (docs, dict, terms, stats), whose layout belongs to
-- the pinned DuckDB version:
-- tests/warehouse/test_search.py checks an appended index against a rebuilt one.
CREATE OR REPLACE TEMP TABLE search_new_docs AS
SELECT name,
       (SELECT coalesce(max(docid), -1) FROM {index}.docs)
           + row_number() OVER (ORDER BY name) AS docid
FROM (SELECT DISTINCT name FROM search_new_fields);

CREATE OR REPLACE TEMP TABLE search_new_terms AS
WITH tokenized AS (
    SELECT d.docid, f.fieldid, unnest({index}.tokenize(n.text)) AS w
    FROM search_new_fields AS n
    JOIN search_new_docs AS d USING (name)
    JOIN {index}.fields AS f ON f.field = n.field
)
SELECT docid, fieldid, stem(w, 'porter') AS term
FROM tokenized
WHERE w IS NOT NULL AND len(w) > 0 AND w NOT IN (SELECT sw FROM {index}.stopwords);

INSERT INTO {index}.dict (termid, term, df)
SELECT (SELECT coalesce(max(termid), -1) FROM {index}.dict) + row_number() OVER (ORDER BY term),
       term,
       0
FROM (SELECT DISTINCT term FROM search_new_terms) AS t
WHERE NOT EXISTS (SELECT 1 FROM {index}.dict AS d WHERE d.term = t.term);

UPDATE {index}.dict AS d
SET df = d.df + n.docs
FROM (SELECT term, count(DISTINCT docid) AS docs FROM search_new_terms GROUP BY term) AS n
WHERE d.term = n.term;

INSERT INTO {index}.terms (docid, fieldid, termid)
SELECT t.docid, t.fieldid, d.termid
FROM search_new_terms AS t
JOIN {index}.dict AS d USING (term);

INSERT INTO {index}.docs (docid, name, len)
SELECT n.docid, n.name, count(t.term)
FROM search_new_docs AS n
LEFT JOIN search_new_terms AS t USING (docid)
GROUP BY n.docid, n.name;

DELETE FROM {index}.stats;
INSERT INTO {index}.stats
SELECT count(docid), sum(len) / count(len) FROM {index}.docs;

DROP TABLE search_new_terms;
DROP TABLE search_new_docs;
DROP TABLE search_new_fields;
