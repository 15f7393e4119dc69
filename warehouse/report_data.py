"""What the visual report shows, read from the warehouse as polars frames.

The queries live in `warehouse/sql/report_*.sql`; this module only runs them,
so the report can be rendered (newsdesk/report.py) from frames a test builds
by hand as well as from a real warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
import polars as pl

from warehouse.statements import sql

WEEKLY_AFTER_DAYS = 120


@dataclass(frozen=True)
class ReportLimits:
    """How much each chart shows: enough to read, bounded however large the
    warehouse grows (the page embeds its data)."""

    outlets: int = 10
    speakers: int = 15
    entities: int = 8
    stories: int = 8
    runs: int = 20


@dataclass(frozen=True)
class ReportData:
    totals: dict[str, Any]
    articles_per_day: pl.DataFrame
    top_speakers: pl.DataFrame
    entity_mentions: pl.DataFrame
    mention_period: str
    story_timelines: pl.DataFrame
    runs: pl.DataFrame


def totals(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    cursor = con.execute(sql("report_totals"))
    columns = [d[0] for d in cursor.description or []]
    row = cursor.fetchone()
    assert row is not None, "an aggregate without GROUP BY returns one row"
    return dict(zip(columns, row, strict=True))


def mention_period(first: date | None, last: date | None) -> str:
    """Days while they fit on a chart's axis; weeks once the warehouse spans
    months, so a line is a trend rather than noise."""
    if first is None or last is None:
        return "day"
    return "week" if (last - first).days > WEEKLY_AFTER_DAYS else "day"


def articles_per_day(con: duckdb.DuckDBPyConnection, outlets: int) -> pl.DataFrame:
    return con.execute(sql("report_articles_per_day"), {"outlets": outlets}).pl()


def top_speakers(con: duckdb.DuckDBPyConnection, limit: int) -> pl.DataFrame:
    return con.execute(sql("report_top_speakers"), {"limit": limit}).pl()


def entity_mentions(con: duckdb.DuckDBPyConnection, limit: int, period: str) -> pl.DataFrame:
    return con.execute(sql("report_entity_mentions"), {"limit": limit, "period": period}).pl()


def story_timelines(con: duckdb.DuckDBPyConnection, limit: int) -> pl.DataFrame:
    return con.execute(sql("report_story_timelines"), {"limit": limit}).pl()


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int) -> pl.DataFrame:
    return con.execute(sql("report_runs"), {"limit": limit}).pl()


def read(con: duckdb.DuckDBPyConnection, limits: ReportLimits | None = None) -> ReportData:
    """Everything the report needs, from one connection (a reader or the
    run's writer), so the page shows one consistent state."""
    limits = limits or ReportLimits()
    counts = totals(con)
    period = mention_period(counts["first_date"], counts["last_date"])
    return ReportData(
        totals=counts,
        articles_per_day=articles_per_day(con, limits.outlets),
        top_speakers=top_speakers(con, limits.speakers),
        entity_mentions=entity_mentions(con, limits.entities, period),
        mention_period=period,
        story_timelines=story_timelines(con, limits.stories),
        runs=recent_runs(con, limits.runs),
    )
