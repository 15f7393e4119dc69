"""The expectation suites, one per table: the single source of truth.

Suites are plain data (expectation name + arguments) so they can be read,
diffed and imported without Great Expectations, which is loaded only by the
validation step. Columns whose names start with `_` are derived before
validation (`expectations/frames.py`): the span text cut from the body, the
body length, whether a referenced article or entity exists, rows per article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from transforms.dates import EARLIEST, HORIZON, PRECISIONS
from transforms.entities import ENTITY_LABELS
from transforms.event_types import EVENT_TYPES
from transforms.events import DATE_SOURCES, MODALITIES
from transforms.intake import ARTICLE_SCHEMA, LOG_SCHEMA, STATUSES
from transforms.quotes import QUOTE_KINDS
from transforms.schemas import (
    ENTITIES,
    EVENTS,
    INCIDENTS,
    MENTIONS,
    QUOTES,
    STORIES,
    STORY_ARTICLES,
    Schema,
)

MAX_ROWS_PER_ARTICLE = {"entity_mentions": 5_000, "quotes": 1_000, "events": 10_000}
# dtype names as pandas reports them after polars → Arrow → pandas; pandas holds
# an integer column with a null as float64 and a boolean one as object, so those
# pass here and the null is reported by the column's own not-null expectation.
TYPE_NAMES = {
    "String": ["str"],
    "Int32": ["int32", "float64"],
    "Int64": ["int64", "float64"],
    "Date": ["datetime64[ms]", "datetime64[us]", "datetime64[ns]"],
    "Boolean": ["bool", "object"],
    "Float64": ["float64"],
}


@dataclass(frozen=True)
class Check:
    expectation: str
    kwargs: dict[str, Any] = field(default_factory=dict)


def _types(schema: Schema) -> list[Check]:
    checks = []
    for column, dtype in schema.items():
        checks.append(Check("ExpectColumnToExist", {"column": column}))
        name = dtype.__name__ if isinstance(dtype, type) else type(dtype).__name__
        checks.append(
            Check(
                "ExpectColumnValuesToBeInTypeList",
                {"column": column, "type_list": TYPE_NAMES[name]},
            )
        )
    return checks


def _id(column: str) -> list[Check]:
    return [
        Check("ExpectColumnValuesToNotBeNull", {"column": column}),
        Check("ExpectColumnValuesToBeUnique", {"column": column}),
    ]


def _in_set(column: str, values: Iterable[str]) -> Check:
    return Check("ExpectColumnValuesToBeInSet", {"column": column, "value_set": sorted(values)})


def _spans(text_column: str) -> list[Check]:
    return [
        Check("ExpectColumnValuesToBeBetween", {"column": "start_char", "min_value": 0}),
        Check(
            "ExpectColumnPairValuesAToBeGreaterThanB",
            {"column_A": "end_char", "column_B": "start_char", "or_equal": False},
        ),
        Check(
            "ExpectColumnPairValuesAToBeGreaterThanB",
            {"column_A": "_body_length", "column_B": "end_char", "or_equal": True},
        ),
        Check(
            "ExpectColumnPairValuesToBeEqual", {"column_A": text_column, "column_B": "_body_span"}
        ),
    ]


def _belongs(table: str) -> list[Check]:
    return [
        Check("ExpectColumnValuesToNotBeNull", {"column": "article_id"}),
        Check("ExpectColumnValuesToBeInSet", {"column": "_article_known", "value_set": [True]}),
        Check(
            "ExpectColumnValuesToBeBetween",
            {
                "column": "_rows_in_article",
                "min_value": 1,
                "max_value": MAX_ROWS_PER_ARTICLE[table],
            },
        ),
    ]


def _references(*columns: str) -> list[Check]:
    return [
        Check("ExpectColumnValuesToBeInSet", {"column": f"_{c}_known", "value_set": [True]})
        for c in columns
    ]


def date_window(today: date, ahead: timedelta = timedelta(days=1)) -> dict[str, datetime]:
    """Bounds as datetimes: GX compares pandas date columns (datetime64) only
    with datetimes; strings or dates make the expectation error out."""
    latest = today + ahead
    return {
        "min_value": datetime(EARLIEST.year, EARLIEST.month, EARLIEST.day),
        "max_value": datetime(latest.year, latest.month, latest.day),
    }


def _cluster(window: dict[str, datetime]) -> list[Check]:
    """What a story and an incident both promise: dates in range and in order,
    at least one original article."""
    return [
        Check("ExpectColumnValuesToBeBetween", {"column": "first_date", **window}),
        Check("ExpectColumnValuesToBeBetween", {"column": "last_date", **window}),
        Check(
            "ExpectColumnPairValuesAToBeGreaterThanB",
            {"column_A": "last_date", "column_B": "first_date", "or_equal": True},
        ),
        Check("ExpectColumnValuesToBeBetween", {"column": "article_count", "min_value": 1}),
        Check("ExpectColumnValuesToBeBetween", {"column": "outlet_count", "min_value": 0}),
    ]


def suites(today: date) -> dict[str, list[Check]]:
    """Every table's checks; `today` bounds dates (nothing dated after tomorrow)."""
    window = date_window(today)
    # Events may be planned ("next year"): their dates may run a few years ahead.
    event_window = date_window(today, HORIZON)
    return {
        "articles": [
            *_types(ARTICLE_SCHEMA),
            *_id("article_id"),
            Check("ExpectColumnValuesToNotBeNull", {"column": "body"}),
            Check("ExpectColumnValuesToBeBetween", {"column": "published_date", **window}),
            Check("ExpectColumnValuesToBeBetween", {"column": "word_count", "min_value": 1}),
            Check(
                "ExpectColumnValuesToMatchRegex", {"column": "language", "regex": "^[a-z]{2,3}$"}
            ),
        ],
        "entity_mentions": [
            *_types(MENTIONS),
            *_id("mention_id"),
            *_belongs("entity_mentions"),
            *_spans("text"),
            Check("ExpectColumnValuesToNotBeNull", {"column": "entity_id"}),
            _in_set("label", ENTITY_LABELS),
            *_references("entity_id"),
        ],
        "entities": [
            *_types(ENTITIES),
            *_id("entity_id"),
            Check("ExpectColumnValuesToNotBeNull", {"column": "canonical_name"}),
            _in_set("label", ENTITY_LABELS),
            Check("ExpectColumnValuesToBeBetween", {"column": "mention_count", "min_value": 1}),
            Check("ExpectColumnValuesToBeBetween", {"column": "article_count", "min_value": 1}),
            Check("ExpectColumnValuesToBeBetween", {"column": "first_seen", **window}),
            Check("ExpectColumnValuesToBeBetween", {"column": "last_seen", **window}),
        ],
        "quotes": [
            *_types(QUOTES),
            *_id("quote_id"),
            *_belongs("quotes"),
            *_spans("quote_text"),
            _in_set("kind", QUOTE_KINDS),
            *_references("speaker_entity_id"),
        ],
        "events": [
            *_types(EVENTS),
            *_id("event_id"),
            *_belongs("events"),
            *_spans("trigger_text"),
            _in_set("event_type", EVENT_TYPES),
            _in_set("date_precision", PRECISIONS),
            _in_set("date_source", DATE_SOURCES),
            _in_set("modality", MODALITIES),
            Check("ExpectColumnValuesToNotBeNull", {"column": "event_date"}),
            Check("ExpectColumnValuesToBeBetween", {"column": "event_date", **event_window}),
            *_references("actor_entity_id", "target_entity_id", "location_entity_id"),
        ],
        "ingest_log": [
            *_types(LOG_SCHEMA),
            Check("ExpectColumnValuesToNotBeNull", {"column": "file_path"}),
            Check("ExpectColumnValuesToBeUnique", {"column": "file_path"}),
            _in_set("status", STATUSES),
            Check("ExpectColumnValuesToBeBetween", {"column": "size_bytes", "min_value": 0}),
        ],
        "stories": [
            *_types(STORIES),
            *_id("story_id"),
            *_cluster(window),
        ],
        "incidents": [
            *_types(INCIDENTS),
            *_id("incident_id"),
            Check("ExpectColumnValuesToNotBeNull", {"column": "story_id"}),
            *_cluster(window),
        ],
        "story_articles": [
            *_types(STORY_ARTICLES),
            Check("ExpectColumnValuesToNotBeNull", {"column": "story_id"}),
            Check("ExpectColumnValuesToNotBeNull", {"column": "incident_id"}),
            *_id("article_id"),
            Check("ExpectColumnValuesToBeInSet", {"column": "_article_known", "value_set": [True]}),
            Check(
                "ExpectColumnValuesToBeInSet",
                {"column": "_duplicate_of_known", "value_set": [True]},
            ),
            Check(
                "ExpectColumnValuesToBeBetween", {"column": "score", "min_value": 0, "max_value": 1}
            ),
            Check(
                "ExpectColumnValuesToBeBetween",
                {"column": "incident_score", "min_value": 0, "max_value": 1},
            ),
            Check("ExpectColumnValuesToNotBeNull", {"column": "sequence"}),
            Check("ExpectColumnValuesToBeUnique", {"column": "sequence"}),
        ],
    }
