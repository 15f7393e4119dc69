-- Which stories gained articles loaded today (UTC, as ingested_at is), how many, and from how many outlets.
SELECT t.story_id, any_value(t.story_title) AS story,
       count(*) AS new_articles, count(DISTINCT t.outlet) AS outlets,
       any_value(s.article_count) AS articles_in_story
FROM story_timeline t
JOIN articles a USING (article_id)
JOIN stories s USING (story_id)
WHERE a.ingested_at >= (now() AT TIME ZONE 'UTC')::DATE AND t.duplicate_of IS NULL
GROUP BY t.story_id
ORDER BY new_articles DESC, t.story_id;
