SELECT coalesce(max(sequence) + 1, 0) FROM story_articles;
