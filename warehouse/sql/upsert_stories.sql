INSERT OR REPLACE INTO stories
    (story_id, title, first_date, last_date, article_count, outlet_count)
SELECT story_id, title, first_date, last_date, article_count, outlet_count
FROM batch_stories;
