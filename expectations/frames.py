"""The frames the suites validate: each table's batch rows plus derived columns
(span text cut from its article's body, body length, whether referenced
articles and entities exist, rows per article) and a `_row_key` that ties a
failing row back to the article that would be quarantined for it."""

from __future__ import annotations

from collections.abc import Collection

import polars as pl

from transforms.extraction import Extraction
from transforms.schemas import INCIDENTS, STORIES, STORY_ARTICLES

ROW_KEY = "_row_key"


def _with_spans(frame: pl.DataFrame, bodies: pl.DataFrame) -> pl.DataFrame:
    joined = frame.join(bodies, on="article_id", how="left")
    return joined.with_columns(
        pl.col("body").str.len_chars().cast(pl.Int64).alias("_body_length"),
        pl.col("body")
        .str.slice(pl.col("start_char"), pl.col("end_char") - pl.col("start_char"))
        .alias("_body_span"),
    ).drop("body")


def _article_rows(frame: pl.DataFrame, article_ids: list[str]) -> pl.DataFrame:
    return frame.with_columns(
        pl.col("article_id").is_in(article_ids).fill_null(False).alias("_article_known"),
        pl.len().over("article_id").cast(pl.Int64).alias("_rows_in_article"),
        pl.col("article_id").alias(ROW_KEY),
    )


def _known(column: str, entity_ids: list[str]) -> pl.Expr:
    return (pl.col(column).is_null() | pl.col(column).is_in(entity_ids)).alias(f"_{column}_known")


def referenced_articles(
    extraction: Extraction, story_articles: pl.DataFrame | None = None
) -> set[str]:
    """Article ids the batch rows point at (to look up in the warehouse),
    including the originals that near-duplicates copy."""
    ids: set[str] = set()
    for frame in (extraction.mentions, extraction.quotes, extraction.events):
        ids.update(frame["article_id"].drop_nulls().to_list())
    if story_articles is not None:
        ids.update(story_articles["duplicate_of"].drop_nulls().to_list())
    return ids


def referenced_entities(extraction: Extraction) -> set[str]:
    ids: set[str] = set(extraction.mentions["entity_id"].drop_nulls().to_list())
    ids.update(extraction.quotes["speaker_entity_id"].drop_nulls().to_list())
    for column in ("actor_entity_id", "target_entity_id", "location_entity_id"):
        ids.update(extraction.events[column].drop_nulls().to_list())
    return ids


def validation_frames(
    articles: pl.DataFrame,
    log: pl.DataFrame,
    extraction: Extraction,
    warehouse_articles: Collection[str] = (),
    warehouse_entities: Collection[str] = (),
    stories: pl.DataFrame | None = None,
    incidents: pl.DataFrame | None = None,
    story_articles: pl.DataFrame | None = None,
) -> dict[str, pl.DataFrame]:
    """Frames keyed by table name; `warehouse_*` are ids already loaded that
    batch rows may legitimately reference. Stories are validated when the batch
    has them (story assignment is a later step of the run)."""
    article_ids = list(set(articles["article_id"].to_list()) | set(warehouse_articles))
    entity_ids = list(set(extraction.entities["entity_id"].to_list()) | set(warehouse_entities))
    bodies = articles.select("article_id", "body")
    return {
        "articles": articles.with_columns(pl.col("article_id").alias(ROW_KEY)),
        "ingest_log": log.with_columns(pl.col("article_id").alias(ROW_KEY)),
        "entity_mentions": _article_rows(
            _with_spans(extraction.mentions, bodies), article_ids
        ).with_columns(_known("entity_id", entity_ids)),
        "entities": extraction.entities.with_columns(pl.col("entity_id").alias(ROW_KEY)),
        "quotes": _article_rows(_with_spans(extraction.quotes, bodies), article_ids).with_columns(
            _known("speaker_entity_id", entity_ids)
        ),
        "events": _article_rows(_with_spans(extraction.events, bodies), article_ids).with_columns(
            _known("actor_entity_id", entity_ids),
            _known("target_entity_id", entity_ids),
            _known("location_entity_id", entity_ids),
        ),
        "stories": (stories if stories is not None else pl.DataFrame(schema=STORIES)).with_columns(
            pl.col("story_id").alias(ROW_KEY)
        ),
        "incidents": (
            incidents if incidents is not None else pl.DataFrame(schema=INCIDENTS)
        ).with_columns(pl.col("incident_id").alias(ROW_KEY)),
        "story_articles": _article_rows(
            story_articles if story_articles is not None else pl.DataFrame(schema=STORY_ARTICLES),
            article_ids,
        ).with_columns(
            (pl.col("duplicate_of").is_null() | pl.col("duplicate_of").is_in(article_ids)).alias(
                "_duplicate_of_known"
            )
        ),
    }


def owners(
    extraction: Extraction, story_articles: pl.DataFrame | None = None
) -> dict[str, dict[str, set[str]]]:
    """Which articles answer for a failing entity, story or incident row: those
    that mention the entity, the batch articles placed in the story or incident."""
    found: dict[str, dict[str, set[str]]] = {"entities": {}, "stories": {}, "incidents": {}}
    for entity_id, article_id in extraction.mentions.select("entity_id", "article_id").iter_rows():
        found["entities"].setdefault(entity_id, set()).add(article_id)
    if story_articles is not None:
        for story_id, incident_id, article_id in story_articles.select(
            "story_id", "incident_id", "article_id"
        ).iter_rows():
            found["stories"].setdefault(story_id, set()).add(article_id)
            found["incidents"].setdefault(incident_id, set()).add(article_id)
    return found
