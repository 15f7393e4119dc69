INSERT OR REPLACE INTO incidents
    (incident_id, story_id, title, first_date, last_date, article_count, outlet_count)
SELECT incident_id, story_id, title, first_date, last_date, article_count, outlet_count
FROM batch_incidents;
