-- The pairs of people, organisations and places most often named in the same sentence.
SELECT name_a, name_b, same_sentence, same_article
FROM entity_cooccurrence
WHERE same_sentence > 0
  AND label_a IN ('PERSON', 'ORG', 'GPE') AND label_b IN ('PERSON', 'ORG', 'GPE')
ORDER BY same_sentence DESC, same_article DESC, name_a, name_b
LIMIT 10;
