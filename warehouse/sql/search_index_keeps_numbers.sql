-- Whether the index {index} tokenizes numbers as words. Indexes built before
-- 2026-11-24 used the extension's default `ignore`, which drops digits (a
-- search for "2004" matched nothing); such an index is rebuilt.
SELECT list_contains({index}.tokenize('2004'), '2004');
