-- Warehouse invariants: one row per violation (check, what, how many), none
-- when the warehouse is consistent. With $runs (a list of run ids), spans are
-- compared with the bodies of those runs' articles only (reading every body is
-- most of the cost, and no later run rewrites an article); every other check
-- reads everything.
WITH spans AS (
    SELECT 'entity_mentions' AS tbl, article_id, start_char, end_char, text AS span FROM entity_mentions
    UNION ALL SELECT 'quotes', article_id, start_char, end_char, quote_text FROM quotes
    UNION ALL SELECT 'events', article_id, start_char, end_char, trigger_text FROM events
),
bodies AS (
    SELECT article_id, body FROM articles WHERE $runs IS NULL OR list_contains($runs, run_id)
),
latest AS (
    SELECT file_path, arg_max(status, seen_at) AS status, arg_max(article_id, seen_at) AS article_id,
           arg_max(file_sha256, seen_at) AS file_sha256
    FROM ingest_log GROUP BY file_path
),
run_rows AS (
    SELECT run_id, count(*) AS seen,
           count(*) FILTER (WHERE status = 'loaded') AS loaded,
           count(*) FILTER (WHERE status = 'duplicate') AS duplicates,
           count(*) FILTER (WHERE status = 'rejected') AS rejected,
           count(*) FILTER (WHERE status = 'quarantined') AS quarantined
    FROM ingest_log GROUP BY run_id
),
violations AS (
    SELECT 'orphan row' AS "check", s.tbl AS what, count(*) AS n
    FROM spans s ANTI JOIN articles a USING (article_id) GROUP BY ALL
    UNION ALL
    SELECT 'orphan row', 'story_articles', count(*)
    FROM story_articles s ANTI JOIN articles a USING (article_id)
    UNION ALL
    SELECT 'unknown entity', 'entity_mentions', count(*)
    FROM entity_mentions m WHERE m.entity_id IS NOT NULL
      AND m.entity_id NOT IN (SELECT entity_id FROM entities)
    UNION ALL
    SELECT 'unknown entity', 'entity_aliases', count(*)
    FROM entity_aliases x ANTI JOIN entities e USING (entity_id)
    UNION ALL
    SELECT 'offset outside body', s.tbl, count(*)
    FROM spans s JOIN bodies a USING (article_id)
    WHERE s.start_char < 0 OR s.end_char <= s.start_char OR s.end_char > length(a.body)
    GROUP BY ALL
    UNION ALL
    SELECT 'span differs from body', s.tbl, count(*)
    FROM spans s JOIN bodies a USING (article_id)
    WHERE s.end_char <= length(a.body)
      AND substring(a.body, s.start_char + 1, s.end_char - s.start_char) <> s.span
    GROUP BY ALL
    UNION ALL
    SELECT 'file not in a final state', 'ingest_log', count(*)
    FROM latest WHERE status NOT IN ('loaded', 'duplicate', 'rejected', 'quarantined')
    UNION ALL
    SELECT 'loaded file without its article', 'ingest_log', count(*)
    FROM latest l WHERE l.status = 'loaded'
      AND l.article_id NOT IN (SELECT article_id FROM articles)
    UNION ALL
    SELECT 'run counts differ from ingest_log', r.run_id, 1
    FROM runs r LEFT JOIN run_rows c USING (run_id)
    WHERE r.status <> 'running'
      AND (r.files_seen, r.loaded, r.duplicates, r.rejected, r.quarantined)
          <> (coalesce(c.seen, 0), coalesce(c.loaded, 0), coalesce(c.duplicates, 0),
              coalesce(c.rejected, 0), coalesce(c.quarantined, 0))
    UNION ALL
    SELECT 'touch of bytes the log does not hold', 'file_touches', count(*)
    FROM file_touches t LEFT JOIN latest l USING (file_path)
    WHERE l.file_sha256 IS DISTINCT FROM t.file_sha256
    UNION ALL
    SELECT 'placement without its story', 'story_articles', count(*)
    FROM story_articles s ANTI JOIN stories t USING (story_id)
    UNION ALL
    SELECT 'placement without its incident', 'story_articles', count(*)
    FROM story_articles s WHERE s.incident_id NOT IN (SELECT incident_id FROM incidents)
    UNION ALL
    SELECT 'sequence shared by placements', 'story_articles', count(*)
    FROM story_articles WHERE sequence IN (
        SELECT sequence FROM story_articles GROUP BY sequence HAVING count(*) > 1
    )
    UNION ALL
    SELECT 'terms without their placement', 'article_terms', count(*)
    FROM article_terms t ANTI JOIN story_articles s USING (article_id, sequence)
    UNION ALL
    SELECT 'story count differs from placements', s.story_id, 1
    FROM stories s LEFT JOIN (
        SELECT story_id, count(*) FILTER (WHERE duplicate_of IS NULL) AS n
        FROM story_articles GROUP BY story_id
    ) p USING (story_id)
    WHERE s.article_count <> coalesce(p.n, 0)
)
SELECT "check", what, n FROM violations WHERE n > 0 ORDER BY ALL;
