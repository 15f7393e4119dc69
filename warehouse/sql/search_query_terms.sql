-- The index terms a query searches for ($query): tokenized and stemmed as the
-- index {index} was, stopwords left out.
SELECT DISTINCT stem(word, 'porter') AS term
FROM (SELECT unnest({index}.tokenize($query)) AS word)
WHERE word NOT IN (SELECT sw FROM {index}.stopwords) AND stem(word, 'porter') <> ''
ORDER BY term;
