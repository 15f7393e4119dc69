-- The report's header: what the warehouse holds, in one row (zeros and NULL
-- dates when it is empty).
SELECT (SELECT count(*) FROM articles) AS articles,
       (SELECT count(DISTINCT outlet) FROM articles) AS outlets,
       (SELECT min(published_date) FROM articles) AS first_date,
       (SELECT max(published_date) FROM articles) AS last_date,
       (SELECT count(*) FROM entities) AS entities,
       (SELECT count(*) FROM entity_mentions) AS mentions,
       (SELECT count(*) FROM quotes) AS quotes,
       (SELECT count(*) FROM events) AS events,
       (SELECT count(*) FROM stories) AS stories,
       (SELECT count(DISTINCT file_path) FROM ingest_log) AS files,
       (SELECT count(*) FROM runs) AS runs;
