-- The data dictionary: every table, view and column says what it holds, so a
-- `duckdb` shell user finds it in duckdb_tables()/duckdb_views()/duckdb_columns()
-- and `newsdesk schema` prints it. A later migration that adds a column adds
-- its comment too (tests/warehouse/test_dictionary.py fails otherwise).

COMMENT ON TABLE schema_version IS 'Migrations applied to this warehouse, one row each.';
COMMENT ON COLUMN schema_version.version IS 'Migration number (the NNN of warehouse/migrations/NNN_name.sql).';
COMMENT ON COLUMN schema_version.name IS 'Migration name.';
COMMENT ON COLUMN schema_version.applied_at IS 'When it was applied (local time).';

COMMENT ON TABLE runs IS 'One row per pipeline run: when, how it ended and what happened to the files it saw.';
COMMENT ON COLUMN runs.run_id IS 'Run id: UTC start time plus a random suffix.';
COMMENT ON COLUMN runs.flow_run_id IS 'The Prefect flow run (find it in the Prefect UI); NULL outside Prefect.';
COMMENT ON COLUMN runs.started_at IS 'Start time (UTC).';
COMMENT ON COLUMN runs.finished_at IS 'End time (UTC); NULL while running or when the run was killed.';
COMMENT ON COLUMN runs.status IS 'running, completed, failed, or interrupted (killed; marked by the next run).';
COMMENT ON COLUMN runs.files_seen IS 'Files the run recorded in ingest_log (new or changed files).';
COMMENT ON COLUMN runs.loaded IS 'Files loaded as articles.';
COMMENT ON COLUMN runs.duplicates IS 'Files whose body was already loaded.';
COMMENT ON COLUMN runs.rejected IS 'Files that could not become articles (see ingest_log.reason).';
COMMENT ON COLUMN runs.quarantined IS 'Files whose extracted rows failed validation.';
COMMENT ON COLUMN runs.validation_passed IS 'Every validated article passed its suites; NULL when the run validated none.';

COMMENT ON TABLE articles IS 'One row per distinct article body, as parsed from its file.';
COMMENT ON COLUMN articles.article_id IS 'Stable id derived from the normalised body: the same text gets the same id everywhere.';
COMMENT ON COLUMN articles.source_path IS 'The file it was first loaded from.';
COMMENT ON COLUMN articles.outlet IS 'Publishing outlet from the date line (Outlet Name - ...); NULL when the file names none.';
COMMENT ON COLUMN articles.published_date IS 'Publication date from the date line.';
COMMENT ON COLUMN articles.title IS 'Headline: the first sentence of the body, shortened.';
COMMENT ON COLUMN articles.body IS 'Article text after the date line; offsets in other tables index into it.';
COMMENT ON COLUMN articles.word_count IS 'Words in the body.';
COMMENT ON COLUMN articles.language IS 'ISO 639-1 language detected from function words; und when undetermined.';
COMMENT ON COLUMN articles.ingested_at IS 'When it was loaded (UTC).';
COMMENT ON COLUMN articles.run_id IS 'The run that loaded it (runs.run_id).';
COMMENT ON COLUMN articles.extraction_model IS 'spaCy pipeline and version that extracted its rows; NULL when not extracted (not English).';
COMMENT ON COLUMN articles.extraction_rules IS 'Version of the extraction rules; NULL when not extracted.';

COMMENT ON TABLE ingest_log IS 'One row per file per state change: every file ends in loaded, duplicate, rejected or quarantined, with a reason.';
COMMENT ON COLUMN ingest_log.file_path IS 'Path of the file (bytes that are not UTF-8 written as \xNN escapes).';
COMMENT ON COLUMN ingest_log.file_sha256 IS 'SHA-256 of the bytes read; NULL when the file was not read.';
COMMENT ON COLUMN ingest_log.size_bytes IS 'File size at discovery.';
COMMENT ON COLUMN ingest_log.mtime_ns IS 'File modification time at discovery (ns since the epoch); with the size it tells a changed file.';
COMMENT ON COLUMN ingest_log.status IS 'loaded, duplicate, rejected or quarantined.';
COMMENT ON COLUMN ingest_log.reason IS 'Why (rejected, duplicate, quarantined), or what was repaired or skipped (loaded).';
COMMENT ON COLUMN ingest_log.article_id IS 'The article the file became or duplicates; NULL when rejected before parsing.';
COMMENT ON COLUMN ingest_log.run_id IS 'The run that recorded this state.';
COMMENT ON COLUMN ingest_log.seen_at IS 'When this state was recorded (UTC).';

COMMENT ON TABLE entity_mentions IS 'Each span of an article that names a person, organisation, place, group or work.';
COMMENT ON COLUMN entity_mentions.mention_id IS 'Stable id of the span.';
COMMENT ON COLUMN entity_mentions.article_id IS 'The article (articles.article_id).';
COMMENT ON COLUMN entity_mentions.entity_id IS 'The entity it refers to (entities.entity_id).';
COMMENT ON COLUMN entity_mentions.text IS 'The span as written: body[start_char:end_char].';
COMMENT ON COLUMN entity_mentions.label IS 'spaCy label after document-level consistency (PERSON, ORG, GPE, LOC, NORP, ...).';
COMMENT ON COLUMN entity_mentions.start_char IS 'Start offset in articles.body (Python string index).';
COMMENT ON COLUMN entity_mentions.end_char IS 'End offset in articles.body, exclusive.';
COMMENT ON COLUMN entity_mentions.sentence_index IS 'Sentence number in the article, from 0.';

COMMENT ON TABLE entities IS 'One row per real-world entity across all articles, with running counts.';
COMMENT ON COLUMN entities.entity_id IS 'Stable id from the canonical name and label.';
COMMENT ON COLUMN entities.canonical_name IS 'Fullest name used for it (titles, possessives and a leading "the" removed).';
COMMENT ON COLUMN entities.label IS 'Entity label (PERSON, ORG, GPE, LOC, NORP, ...).';
COMMENT ON COLUMN entities.mention_count IS 'Mentions in all loaded articles.';
COMMENT ON COLUMN entities.article_count IS 'Articles that mention it.';
COMMENT ON COLUMN entities.first_seen IS 'Earliest publication date of an article mentioning it.';
COMMENT ON COLUMN entities.last_seen IS 'Latest publication date of an article mentioning it.';

COMMENT ON TABLE entity_aliases IS 'Every surface form an entity was written as ("Stoltenberg", "Jens Stoltenberg", "NATO").';
COMMENT ON COLUMN entity_aliases.entity_id IS 'The entity (entities.entity_id).';
COMMENT ON COLUMN entity_aliases.alias IS 'A form it appeared as.';

COMMENT ON TABLE quotes IS 'Who said what: direct, indirect and mixed quotes with their speakers.';
COMMENT ON COLUMN quotes.quote_id IS 'Stable id of the quote.';
COMMENT ON COLUMN quotes.article_id IS 'The article (articles.article_id).';
COMMENT ON COLUMN quotes.kind IS 'direct (in quotation marks), indirect (reported speech) or mixed (reported speech with a quoted fragment).';
COMMENT ON COLUMN quotes.quote_text IS 'What was said: body[start_char:end_char].';
COMMENT ON COLUMN quotes.start_char IS 'Start offset in articles.body.';
COMMENT ON COLUMN quotes.end_char IS 'End offset in articles.body, exclusive.';
COMMENT ON COLUMN quotes.speaker_text IS 'The speaker as written ("he", "the alliance chief", "Stoltenberg").';
COMMENT ON COLUMN quotes.speaker_entity_id IS 'The person or organisation a reader would resolve the speaker to; NULL when unresolved.';
COMMENT ON COLUMN quotes.cue_verb IS 'Lemma of the cue ("say", "stress", "warn"), ":" or "according to"; NULL when the quote continues an earlier one.';
COMMENT ON COLUMN quotes.sentence_index IS 'Sentence number where the quote starts, from 0.';

COMMENT ON TABLE events IS 'Who did what to whom, when and where: one row per event trigger.';
COMMENT ON COLUMN events.event_id IS 'Stable id of the event.';
COMMENT ON COLUMN events.article_id IS 'The article (articles.article_id).';
COMMENT ON COLUMN events.sentence_index IS 'Sentence number, from 0.';
COMMENT ON COLUMN events.trigger_lemma IS 'Lemma of the word that expresses the event ("meet", "attack").';
COMMENT ON COLUMN events.trigger_text IS 'The trigger as written: body[start_char:end_char].';
COMMENT ON COLUMN events.event_type IS 'Coarse type of the trigger (meeting, attack, statement, ...).';
COMMENT ON COLUMN events.actor_text IS 'Who did it, as written.';
COMMENT ON COLUMN events.actor_entity_id IS 'The actor as an entity; NULL when not an entity.';
COMMENT ON COLUMN events.target_text IS 'To whom or what, as written.';
COMMENT ON COLUMN events.target_entity_id IS 'The target as an entity.';
COMMENT ON COLUMN events.location_text IS 'Where, as written.';
COMMENT ON COLUMN events.location_entity_id IS 'The location as an entity.';
COMMENT ON COLUMN events.event_date IS 'When, resolved against the publication date ("on Tuesday", "next week").';
COMMENT ON COLUMN events.date_text IS 'The date expression as written; NULL when taken from the publication date.';
COMMENT ON COLUMN events.date_precision IS 'day, week, month or year.';
COMMENT ON COLUMN events.date_source IS 'explicit, relative or publication.';
COMMENT ON COLUMN events.modality IS 'asserted, planned, reported or hypothetical.';
COMMENT ON COLUMN events.negated IS 'The sentence says it did not happen.';
COMMENT ON COLUMN events.start_char IS 'Start offset of the trigger in articles.body.';
COMMENT ON COLUMN events.end_char IS 'End offset of the trigger, exclusive.';

COMMENT ON TABLE stories IS 'Longer-running stories: incidents that belong together, across outlets and weeks.';
COMMENT ON COLUMN stories.story_id IS 'story-<article_id of the article that founded it>.';
COMMENT ON COLUMN stories.title IS 'Title of its most central article.';
COMMENT ON COLUMN stories.first_date IS 'Earliest publication date of its articles.';
COMMENT ON COLUMN stories.last_date IS 'Latest publication date of its articles.';
COMMENT ON COLUMN stories.article_count IS 'Original articles (near-duplicates not counted).';
COMMENT ON COLUMN stories.outlet_count IS 'Distinct named outlets among its articles (articles without an outlet add none).';

COMMENT ON TABLE incidents IS 'One real-world event as reported by one or more articles; each belongs to one story.';
COMMENT ON COLUMN incidents.incident_id IS 'incident-<article_id of the article that founded it>.';
COMMENT ON COLUMN incidents.story_id IS 'The story it belongs to.';
COMMENT ON COLUMN incidents.title IS 'Title of its most central article.';
COMMENT ON COLUMN incidents.first_date IS 'Earliest publication date of its articles.';
COMMENT ON COLUMN incidents.last_date IS 'Latest publication date of its articles.';
COMMENT ON COLUMN incidents.article_count IS 'Original articles (near-duplicates not counted).';
COMMENT ON COLUMN incidents.outlet_count IS 'Distinct named outlets among its articles (articles without an outlet add none).';

COMMENT ON TABLE story_articles IS 'Where each English article was placed: its story, its incident, and the copy it is.';
COMMENT ON COLUMN story_articles.story_id IS 'The story (stories.story_id).';
COMMENT ON COLUMN story_articles.incident_id IS 'The incident (incidents.incident_id).';
COMMENT ON COLUMN story_articles.article_id IS 'The article (articles.article_id).';
COMMENT ON COLUMN story_articles.score IS 'Mean cosine with the story''s articles when it joined; NULL for the article that founded it.';
COMMENT ON COLUMN story_articles.incident_score IS 'Mean cosine with the incident''s articles when it joined; NULL for its founder.';
COMMENT ON COLUMN story_articles.duplicate_of IS 'The original this article nearly copies (word 5-gram resemblance); NULL for originals.';
COMMENT ON COLUMN story_articles.sequence IS 'Arrival order; `newsdesk stories --rebuild` replays it.';

COMMENT ON TABLE article_terms IS 'Each article''s weighted terms (rare words, entities, event dates): the vectors stories are grouped by.';
COMMENT ON COLUMN article_terms.article_id IS 'The article (articles.article_id).';
COMMENT ON COLUMN article_terms.term IS 'A word, an entity (E:<entity_id>) or a day (D:<date>).';
COMMENT ON COLUMN article_terms.weight IS 'Weight in the article''s unit-length vector.';

COMMENT ON VIEW quotes_by_speaker IS 'Per resolved speaker: quotes by kind, articles, first and last date, outlets.';
COMMENT ON COLUMN quotes_by_speaker.entity_id IS 'The speaker (entities.entity_id).';
COMMENT ON COLUMN quotes_by_speaker.speaker IS 'The speaker''s canonical name.';
COMMENT ON COLUMN quotes_by_speaker.quotes IS 'Quotes attributed to them.';
COMMENT ON COLUMN quotes_by_speaker.direct IS 'Direct quotes.';
COMMENT ON COLUMN quotes_by_speaker.indirect IS 'Indirect quotes.';
COMMENT ON COLUMN quotes_by_speaker.mixed IS 'Mixed quotes.';
COMMENT ON COLUMN quotes_by_speaker.articles IS 'Articles quoting them.';
COMMENT ON COLUMN quotes_by_speaker.first_date IS 'Earliest publication date of a quoting article.';
COMMENT ON COLUMN quotes_by_speaker.last_date IS 'Latest publication date of a quoting article.';
COMMENT ON COLUMN quotes_by_speaker.outlet_count IS 'Distinct named outlets quoting them (articles without an outlet add none).';
COMMENT ON COLUMN quotes_by_speaker.outlets IS 'Those outlets, sorted (no NULL entry for articles without one).';

COMMENT ON VIEW who_said_what IS 'Every quote with its speaker, article, outlet, date and story.';
COMMENT ON COLUMN who_said_what.speaker IS 'Resolved speaker name, else the speaker as written.';
COMMENT ON COLUMN who_said_what.speaker_entity_id IS 'The resolved speaker; NULL when unresolved.';
COMMENT ON COLUMN who_said_what.speaker_text IS 'The speaker as written.';
COMMENT ON COLUMN who_said_what.kind IS 'direct, indirect or mixed.';
COMMENT ON COLUMN who_said_what.quote_text IS 'What was said.';
COMMENT ON COLUMN who_said_what.cue_verb IS 'Lemma of the cue.';
COMMENT ON COLUMN who_said_what.article_id IS 'The article.';
COMMENT ON COLUMN who_said_what.title IS 'The article''s title.';
COMMENT ON COLUMN who_said_what.outlet IS 'The article''s outlet.';
COMMENT ON COLUMN who_said_what.published_date IS 'The article''s publication date.';
COMMENT ON COLUMN who_said_what.story_id IS 'The article''s story; NULL when not placed (not English).';
COMMENT ON COLUMN who_said_what.incident_id IS 'The article''s incident.';
COMMENT ON COLUMN who_said_what.quote_id IS 'The quote (quotes.quote_id).';

COMMENT ON VIEW entity_cooccurrence IS 'Pairs of entities named in the same article, and how often in the same sentence.';
COMMENT ON COLUMN entity_cooccurrence.entity_a IS 'First entity of the pair (the smaller id).';
COMMENT ON COLUMN entity_cooccurrence.name_a IS 'Its canonical name.';
COMMENT ON COLUMN entity_cooccurrence.label_a IS 'Its label.';
COMMENT ON COLUMN entity_cooccurrence.entity_b IS 'Second entity of the pair.';
COMMENT ON COLUMN entity_cooccurrence.name_b IS 'Its canonical name.';
COMMENT ON COLUMN entity_cooccurrence.label_b IS 'Its label.';
COMMENT ON COLUMN entity_cooccurrence.same_sentence IS 'Sentences naming both.';
COMMENT ON COLUMN entity_cooccurrence.same_article IS 'Articles naming both.';

COMMENT ON VIEW daily_mentions IS 'Mentions of each entity per publication day.';
COMMENT ON COLUMN daily_mentions.entity_id IS 'The entity.';
COMMENT ON COLUMN daily_mentions.canonical_name IS 'Its canonical name.';
COMMENT ON COLUMN daily_mentions.label IS 'Its label.';
COMMENT ON COLUMN daily_mentions.day IS 'Publication date.';
COMMENT ON COLUMN daily_mentions.mentions IS 'Mentions in that day''s articles.';
COMMENT ON COLUMN daily_mentions.articles IS 'That day''s articles mentioning it.';

COMMENT ON VIEW story_timeline IS 'Every placed article with its story and incident, for timelines.';
COMMENT ON COLUMN story_timeline.story_id IS 'The story.';
COMMENT ON COLUMN story_timeline.story_title IS 'The story''s title.';
COMMENT ON COLUMN story_timeline.incident_id IS 'The incident.';
COMMENT ON COLUMN story_timeline.incident_title IS 'The incident''s title.';
COMMENT ON COLUMN story_timeline.article_id IS 'The article.';
COMMENT ON COLUMN story_timeline.outlet IS 'Its outlet.';
COMMENT ON COLUMN story_timeline.published_date IS 'Its publication date.';
COMMENT ON COLUMN story_timeline.title IS 'Its title.';
COMMENT ON COLUMN story_timeline.score IS 'How well it fit the story when it joined.';
COMMENT ON COLUMN story_timeline.incident_score IS 'How well it fit the incident when it joined.';
COMMENT ON COLUMN story_timeline.duplicate_of IS 'The original it nearly copies, if any.';
COMMENT ON COLUMN story_timeline.sequence IS 'Arrival order.';

COMMENT ON VIEW event_timeline IS 'Dated events with actor, target and location resolved to entity names where known.';
COMMENT ON COLUMN event_timeline.event_date IS 'When it happened (or will).';
COMMENT ON COLUMN event_timeline.date_precision IS 'day, week, month or year.';
COMMENT ON COLUMN event_timeline.date_source IS 'explicit, relative or publication.';
COMMENT ON COLUMN event_timeline.event_type IS 'Coarse event type.';
COMMENT ON COLUMN event_timeline.trigger_lemma IS 'Lemma of the trigger word.';
COMMENT ON COLUMN event_timeline.actor IS 'Who, by entity name where resolved.';
COMMENT ON COLUMN event_timeline.target IS 'To whom or what.';
COMMENT ON COLUMN event_timeline.location IS 'Where.';
COMMENT ON COLUMN event_timeline.modality IS 'asserted, planned, reported or hypothetical.';
COMMENT ON COLUMN event_timeline.negated IS 'The sentence says it did not happen.';
COMMENT ON COLUMN event_timeline.article_id IS 'The article.';
COMMENT ON COLUMN event_timeline.outlet IS 'Its outlet.';
COMMENT ON COLUMN event_timeline.published_date IS 'Its publication date.';
COMMENT ON COLUMN event_timeline.event_id IS 'The event (events.event_id).';
