DELETE FROM story_articles;
DELETE FROM stories;
DELETE FROM incidents;
DELETE FROM article_terms;
