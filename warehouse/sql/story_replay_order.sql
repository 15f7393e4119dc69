-- Arrival order for a rebuild: the order runs placed articles in; articles
-- never placed (loaded before stories existed) come last, oldest first. Only
-- the languages extraction covers are placed, as in a run.
SELECT a.article_id
FROM articles a LEFT JOIN story_articles s USING (article_id)
WHERE list_contains($languages, a.language)
ORDER BY s.sequence NULLS LAST, a.published_date, a.article_id;
