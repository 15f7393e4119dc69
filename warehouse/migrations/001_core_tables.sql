-- The tables of DESIGN.md. Later migrations add columns and views; never edit
-- a migration that has shipped, add the next one.

CREATE TABLE runs (
    run_id            VARCHAR PRIMARY KEY,
    flow_run_id       VARCHAR,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP,
    status            VARCHAR NOT NULL,
    files_seen        INTEGER NOT NULL DEFAULT 0,
    loaded            INTEGER NOT NULL DEFAULT 0,
    duplicates        INTEGER NOT NULL DEFAULT 0,
    rejected          INTEGER NOT NULL DEFAULT 0,
    quarantined       INTEGER NOT NULL DEFAULT 0,
    validation_passed BOOLEAN
);

CREATE TABLE articles (
    article_id     VARCHAR PRIMARY KEY,
    source_path    VARCHAR NOT NULL,
    outlet         VARCHAR,
    published_date DATE NOT NULL,
    title          VARCHAR NOT NULL,
    body           VARCHAR NOT NULL,
    word_count     INTEGER NOT NULL,
    language       VARCHAR NOT NULL,
    ingested_at    TIMESTAMP NOT NULL,
    run_id         VARCHAR NOT NULL
);

CREATE TABLE ingest_log (
    file_path   VARCHAR NOT NULL,
    file_sha256 VARCHAR,
    size_bytes  BIGINT NOT NULL,
    mtime_ns    BIGINT NOT NULL,
    status      VARCHAR NOT NULL CHECK (status IN ('loaded', 'duplicate', 'rejected', 'quarantined')),
    reason      VARCHAR,
    article_id  VARCHAR,
    run_id      VARCHAR NOT NULL,
    seen_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (file_path, run_id)
);

CREATE TABLE entity_mentions (
    mention_id     VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    entity_id      VARCHAR,
    text           VARCHAR NOT NULL,
    label          VARCHAR NOT NULL,
    start_char     INTEGER NOT NULL,
    end_char       INTEGER NOT NULL,
    sentence_index INTEGER NOT NULL
);

CREATE TABLE entities (
    entity_id      VARCHAR PRIMARY KEY,
    canonical_name VARCHAR NOT NULL,
    label          VARCHAR NOT NULL,
    mention_count  INTEGER NOT NULL,
    article_count  INTEGER NOT NULL,
    first_seen     DATE,
    last_seen      DATE
);

CREATE TABLE entity_aliases (
    entity_id VARCHAR NOT NULL,
    alias     VARCHAR NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE quotes (
    quote_id          VARCHAR PRIMARY KEY,
    article_id        VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL,
    quote_text        VARCHAR NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    speaker_text      VARCHAR,
    speaker_entity_id VARCHAR,
    cue_verb          VARCHAR,
    sentence_index    INTEGER NOT NULL
);

CREATE TABLE events (
    event_id           VARCHAR PRIMARY KEY,
    article_id         VARCHAR NOT NULL,
    sentence_index     INTEGER NOT NULL,
    trigger_lemma      VARCHAR NOT NULL,
    trigger_text       VARCHAR NOT NULL,
    event_type         VARCHAR NOT NULL,
    actor_text         VARCHAR,
    actor_entity_id    VARCHAR,
    target_text        VARCHAR,
    target_entity_id   VARCHAR,
    location_text      VARCHAR,
    location_entity_id VARCHAR,
    event_date         DATE,
    date_text          VARCHAR,
    date_precision     VARCHAR,
    date_source        VARCHAR,
    modality           VARCHAR NOT NULL,
    negated            BOOLEAN NOT NULL,
    start_char         INTEGER NOT NULL,
    end_char           INTEGER NOT NULL
);

CREATE TABLE stories (
    story_id      VARCHAR PRIMARY KEY,
    title         VARCHAR,
    first_date    DATE,
    last_date     DATE,
    article_count INTEGER NOT NULL,
    outlet_count  INTEGER NOT NULL
);

CREATE TABLE story_articles (
    story_id     VARCHAR NOT NULL,
    incident_id  VARCHAR NOT NULL,
    article_id   VARCHAR NOT NULL,
    score        DOUBLE,
    duplicate_of VARCHAR,
    PRIMARY KEY (article_id)
);
