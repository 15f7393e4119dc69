-- Which outlets quote whom: quotes per outlet and resolved speaker.
SELECT coalesce(outlet, '(no outlet)') AS outlet, speaker, count(*) AS quotes,
       count(*) FILTER (WHERE kind = 'direct') AS direct
FROM who_said_what
WHERE speaker_entity_id IS NOT NULL
GROUP BY ALL
ORDER BY outlet, quotes DESC, speaker;
