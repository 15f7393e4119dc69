-- Dated events around the latest article: what was planned or happened, by whom, where.
WITH latest AS (SELECT max(published_date) AS day FROM articles)
SELECT event_date, date_precision, event_type, trigger_lemma, actor, target, location, modality
FROM event_timeline, latest
WHERE event_date BETWEEN latest.day - INTERVAL 30 DAY AND latest.day + INTERVAL 30 DAY
  AND NOT negated
ORDER BY event_date, event_type, actor
LIMIT 20;
