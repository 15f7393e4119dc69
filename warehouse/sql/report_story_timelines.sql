-- The $limit largest stories (as `newsdesk stories` orders them) and every
-- article placed in each, with its date and outlet: the stories' timelines.
WITH leaders AS (
    SELECT story_id, title, first_date, last_date, article_count, outlet_count,
           row_number() OVER (ORDER BY article_count DESC, last_date DESC, story_id) AS rank
    FROM stories
    ORDER BY rank
    LIMIT $limit
)
SELECT t.rank, t.story_id, t.title AS story, t.first_date, t.last_date, t.article_count,
       t.outlet_count, p.incident_id, p.article_id, coalesce(a.outlet, '(no outlet)') AS outlet,
       a.published_date, a.title, p.duplicate_of IS NOT NULL AS near_duplicate
FROM leaders t
JOIN story_articles p USING (story_id)
JOIN articles a USING (article_id)
ORDER BY t.rank, a.published_date, p.sequence;
