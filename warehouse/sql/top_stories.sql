-- The largest stories, most recent first among equals.
SELECT s.story_id, s.title, s.first_date, s.last_date, s.article_count, s.outlet_count,
       (SELECT count(*) FROM incidents i WHERE i.story_id = s.story_id) AS incidents
FROM stories s
ORDER BY s.article_count DESC, s.last_date DESC, s.story_id
LIMIT $limit;
