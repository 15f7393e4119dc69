"""Polars schemas of the extracted tables, matching the warehouse columns."""

from __future__ import annotations

import polars as pl

Schema = dict[str, type[pl.DataType] | pl.DataType]

MENTIONS: Schema = {
    "mention_id": pl.String,
    "article_id": pl.String,
    "entity_id": pl.String,
    "text": pl.String,
    "label": pl.String,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
    "sentence_index": pl.Int32,
}
ENTITIES: Schema = {
    "entity_id": pl.String,
    "canonical_name": pl.String,
    "label": pl.String,
    "mention_count": pl.Int32,
    "article_count": pl.Int32,
    "first_seen": pl.Date,
    "last_seen": pl.Date,
}
QUOTES: Schema = {
    "quote_id": pl.String,
    "article_id": pl.String,
    "kind": pl.String,
    "quote_text": pl.String,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
    "speaker_text": pl.String,
    "speaker_entity_id": pl.String,
    "cue_verb": pl.String,
    "sentence_index": pl.Int32,
}
EVENTS: Schema = {
    "event_id": pl.String,
    "article_id": pl.String,
    "sentence_index": pl.Int32,
    "trigger_lemma": pl.String,
    "trigger_text": pl.String,
    "event_type": pl.String,
    "actor_text": pl.String,
    "actor_entity_id": pl.String,
    "target_text": pl.String,
    "target_entity_id": pl.String,
    "location_text": pl.String,
    "location_entity_id": pl.String,
    "event_date": pl.Date,
    "date_text": pl.String,
    "date_precision": pl.String,
    "date_source": pl.String,
    "modality": pl.String,
    "negated": pl.Boolean,
    "start_char": pl.Int32,
    "end_char": pl.Int32,
}
_CLUSTER: Schema = {
    "title": pl.String,
    "first_date": pl.Date,
    "last_date": pl.Date,
    "article_count": pl.Int32,
    "outlet_count": pl.Int32,
}
STORIES: Schema = {"story_id": pl.String, **_CLUSTER}
INCIDENTS: Schema = {"incident_id": pl.String, "story_id": pl.String, **_CLUSTER}
STORY_ARTICLES: Schema = {
    "story_id": pl.String,
    "incident_id": pl.String,
    "article_id": pl.String,
    "score": pl.Float64,
    "incident_score": pl.Float64,
    "duplicate_of": pl.String,
    "sequence": pl.Int64,
}
