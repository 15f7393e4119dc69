-- Story assignment (transforms/stories.py). story_articles gains the incident
-- score and the arrival order a rebuild replays; it was never written before
-- this migration, so it is recreated rather than altered. article_terms holds
-- each article's term vector: the postings candidate blocking joins on.
DROP TABLE story_articles;

CREATE TABLE story_articles (
    story_id       VARCHAR NOT NULL,
    incident_id    VARCHAR NOT NULL,
    article_id     VARCHAR PRIMARY KEY,
    score          DOUBLE,
    incident_score DOUBLE,
    duplicate_of   VARCHAR,
    sequence       BIGINT NOT NULL
);

CREATE TABLE incidents (
    incident_id   VARCHAR PRIMARY KEY,
    story_id      VARCHAR NOT NULL,
    title         VARCHAR,
    first_date    DATE,
    last_date     DATE,
    article_count INTEGER NOT NULL,
    outlet_count  INTEGER NOT NULL
);

CREATE TABLE article_terms (
    article_id VARCHAR NOT NULL,
    term       VARCHAR NOT NULL,
    weight     DOUBLE NOT NULL
);
