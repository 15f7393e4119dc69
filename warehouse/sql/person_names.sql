-- Full names of known people whose last word is one of the batch's lone surnames.
SELECT canonical_name
FROM entities
WHERE label = 'PERSON' AND contains(canonical_name, ' ')
  AND string_split(canonical_name, ' ')[-1] IN (SELECT surname FROM batch_surnames);
