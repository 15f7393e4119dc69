-- Analysis views: the joins analysts would otherwise write by hand. Views, not
-- tables, so they are always as fresh as the tables under them.

CREATE VIEW quotes_by_speaker AS
SELECT
    q.speaker_entity_id                                 AS entity_id,
    e.canonical_name                                    AS speaker,
    count(*)                                            AS quotes,
    count(*) FILTER (WHERE q.kind = 'direct')           AS direct,
    count(*) FILTER (WHERE q.kind = 'indirect')         AS indirect,
    count(*) FILTER (WHERE q.kind = 'mixed')            AS mixed,
    count(DISTINCT q.article_id)                        AS articles,
    min(a.published_date)                               AS first_date,
    max(a.published_date)                               AS last_date,
    count(DISTINCT a.outlet)                            AS outlet_count,
    list_sort(list(DISTINCT a.outlet) FILTER (WHERE a.outlet IS NOT NULL)) AS outlets
FROM quotes q
JOIN articles a USING (article_id)
JOIN entities e ON e.entity_id = q.speaker_entity_id
GROUP BY q.speaker_entity_id, e.canonical_name;

CREATE VIEW who_said_what AS
SELECT
    coalesce(e.canonical_name, q.speaker_text) AS speaker,
    q.speaker_entity_id,
    q.speaker_text,
    q.kind,
    q.quote_text,
    q.cue_verb,
    q.article_id,
    a.title,
    a.outlet,
    a.published_date,
    s.story_id,
    s.incident_id,
    q.quote_id
FROM quotes q
JOIN articles a USING (article_id)
LEFT JOIN entities e ON e.entity_id = q.speaker_entity_id
LEFT JOIN story_articles s ON s.article_id = q.article_id;

CREATE VIEW entity_cooccurrence AS
WITH sentence_entities AS (
    SELECT DISTINCT article_id, sentence_index, entity_id
    FROM entity_mentions WHERE entity_id IS NOT NULL
),
article_entities AS (
    SELECT DISTINCT article_id, entity_id FROM sentence_entities
),
in_sentences AS (
    SELECT x.entity_id AS entity_a, y.entity_id AS entity_b, count(*) AS same_sentence
    FROM sentence_entities x
    JOIN sentence_entities y
      ON x.article_id = y.article_id AND x.sentence_index = y.sentence_index
     AND x.entity_id < y.entity_id
    GROUP BY ALL
),
in_articles AS (
    SELECT x.entity_id AS entity_a, y.entity_id AS entity_b, count(*) AS same_article
    FROM article_entities x
    JOIN article_entities y ON x.article_id = y.article_id AND x.entity_id < y.entity_id
    GROUP BY ALL
)
SELECT
    p.entity_a,
    ea.canonical_name              AS name_a,
    ea.label                       AS label_a,
    p.entity_b,
    eb.canonical_name              AS name_b,
    eb.label                       AS label_b,
    coalesce(s.same_sentence, 0)   AS same_sentence,
    p.same_article
FROM in_articles p
LEFT JOIN in_sentences s USING (entity_a, entity_b)
JOIN entities ea ON ea.entity_id = p.entity_a
JOIN entities eb ON eb.entity_id = p.entity_b;

CREATE VIEW daily_mentions AS
SELECT
    m.entity_id,
    e.canonical_name,
    e.label,
    a.published_date              AS day,
    count(*)                      AS mentions,
    count(DISTINCT m.article_id)  AS articles
FROM entity_mentions m
JOIN entities e USING (entity_id)
JOIN articles a USING (article_id)
GROUP BY m.entity_id, e.canonical_name, e.label, a.published_date;

CREATE VIEW story_timeline AS
SELECT
    s.story_id,
    st.title          AS story_title,
    s.incident_id,
    i.title           AS incident_title,
    s.article_id,
    a.outlet,
    a.published_date,
    a.title,
    s.score,
    s.incident_score,
    s.duplicate_of,
    s.sequence
FROM story_articles s
JOIN articles a USING (article_id)
JOIN stories st ON st.story_id = s.story_id
JOIN incidents i ON i.incident_id = s.incident_id;

CREATE VIEW event_timeline AS
SELECT
    ev.event_date,
    ev.date_precision,
    ev.date_source,
    ev.event_type,
    ev.trigger_lemma,
    coalesce(actor.canonical_name, ev.actor_text)       AS actor,
    coalesce(target.canonical_name, ev.target_text)     AS target,
    coalesce(place.canonical_name, ev.location_text)    AS location,
    ev.modality,
    ev.negated,
    ev.article_id,
    a.outlet,
    a.published_date,
    ev.event_id
FROM events ev
JOIN articles a USING (article_id)
LEFT JOIN entities actor  ON actor.entity_id = ev.actor_entity_id
LEFT JOIN entities target ON target.entity_id = ev.target_entity_id
LEFT JOIN entities place  ON place.entity_id = ev.location_entity_id
WHERE ev.event_date IS NOT NULL;
