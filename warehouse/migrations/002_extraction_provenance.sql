-- Which model and rule set produced an article's extracted rows, so a later
-- re-extraction can be told apart. NULL: not extracted (e.g. not English).
ALTER TABLE articles ADD COLUMN extraction_model VARCHAR;
ALTER TABLE articles ADD COLUMN extraction_rules VARCHAR;
