-- Who was quoted most in articles that mention NATO (by any alias), in the latest month with articles.
WITH latest AS (SELECT date_trunc('month', max(published_date)) AS month FROM articles),
about AS (
    SELECT DISTINCT m.article_id
    FROM entity_mentions m JOIN entity_aliases x USING (entity_id)
    WHERE x.alias = 'NATO'
)
SELECT w.speaker, count(*) AS quotes, count(DISTINCT w.article_id) AS articles,
       count(DISTINCT w.outlet) AS outlets
FROM who_said_what w
JOIN about USING (article_id)
WHERE date_trunc('month', w.published_date) = (SELECT month FROM latest)
  AND w.speaker_entity_id IS NOT NULL
GROUP BY w.speaker
ORDER BY quotes DESC, w.speaker
LIMIT 10;
