SELECT canonical_name
FROM entities
WHERE label = 'PERSON' AND contains(canonical_name, ' ');
