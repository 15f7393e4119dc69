"""The report's queries on a small hand-made warehouse: what each chart is fed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from warehouse import report_data as rd
from warehouse.connection import connect

DAY = date(2024, 3, 1)


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        con.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))


def article(article_id: str, outlet: str | None, day: date) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "source_path": f"{article_id}.txt",
        "outlet": outlet,
        "published_date": day,
        "title": f"Title of {article_id}",
        "body": "body",
        "word_count": 1,
        "language": "en",
        "ingested_at": datetime(2024, 3, 10),
        "run_id": "r1",
    }


def entity(entity_id: str, name: str, label: str) -> dict[str, Any]:
    return {
        "entity_id": entity_id,
        "canonical_name": name,
        "label": label,
        "mention_count": 0,
        "article_count": 0,
    }


def mention(n: int, article_id: str, entity_id: str) -> dict[str, Any]:
    return {
        "mention_id": f"m{n}",
        "article_id": article_id,
        "entity_id": entity_id,
        "text": "x",
        "label": "PERSON",
        "start_char": 0,
        "end_char": 1,
        "sentence_index": 0,
    }


def quote(n: int, article_id: str, speaker: str | None, kind: str) -> dict[str, Any]:
    return {
        "quote_id": f"q{n}",
        "article_id": article_id,
        "kind": kind,
        "quote_text": "x",
        "start_char": 0,
        "end_char": 1,
        "speaker_entity_id": speaker,
        "sentence_index": 0,
    }


def run(n: int, loaded: int) -> dict[str, Any]:
    return {
        "run_id": f"r{n}",
        "started_at": datetime(2024, 3, 10) + timedelta(hours=n),
        "status": "completed",
        "files_seen": loaded + 1,
        "loaded": loaded,
        "rejected": 1,
    }


@pytest.fixture
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = connect(tmp_path / "w.duckdb")
    yield connection
    connection.close()


@pytest.fixture
def filled(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Three outlets (one missing) over two days; Ada is quoted most, and
    "Paris" is both a person and a place."""
    insert(
        con,
        "articles",
        [
            article("a1", "BBC", DAY),
            article("a2", "BBC", DAY),
            article("a3", "Reuters", DAY),
            article("a4", None, DAY + timedelta(days=2)),
        ],
    )
    insert(
        con,
        "entities",
        [
            entity("ada", "Ada Lovelace", "PERSON"),
            entity("bob", "Bob", "PERSON"),
            entity("paris-p", "Paris", "PERSON"),
            entity("paris-g", "Paris", "GPE"),
        ],
    )
    placed = ["a1", "a1", "a3", "a4"]
    insert(con, "entity_mentions", [mention(i, a, "ada") for i, a in enumerate(placed)])
    insert(con, "entity_mentions", [mention(10 + i, "a2", "paris-p") for i in range(3)])
    insert(con, "entity_mentions", [mention(20 + i, "a3", "paris-g") for i in range(2)])
    insert(con, "entity_mentions", [mention(30, "a4", "bob")])
    insert(
        con,
        "quotes",
        [
            quote(1, "a1", "ada", "direct"),
            quote(2, "a1", "ada", "direct"),
            quote(3, "a3", "ada", "indirect"),
            quote(4, "a2", "bob", "mixed"),
            quote(5, "a2", None, "direct"),
        ],
    )
    insert(
        con,
        "stories",
        [
            {"story_id": "s1", "title": "Big", "article_count": 3, "outlet_count": 2},
            {"story_id": "s2", "title": "Small", "article_count": 1, "outlet_count": 1},
        ],
    )
    insert(
        con,
        "story_articles",
        [
            {"story_id": "s1", "incident_id": "i1", "article_id": a, "sequence": n}
            for n, a in enumerate(["a3", "a1", "a2"])
        ]
        + [{"story_id": "s2", "incident_id": "i2", "article_id": "a4", "sequence": 3}],
    )
    insert(con, "runs", [run(n, loaded) for n, loaded in enumerate([4, 0, 0])])
    return con


def test_an_empty_warehouse_gives_empty_frames_and_zero_totals(
    con: duckdb.DuckDBPyConnection,
) -> None:
    data = rd.read(con)
    assert data.totals["articles"] == data.totals["runs"] == 0
    assert data.totals["first_date"] is None
    assert data.mention_period == "day"
    for frame in (
        data.articles_per_day,
        data.top_speakers,
        data.entity_mentions,
        data.story_timelines,
        data.runs,
    ):
        assert frame.is_empty()


def test_totals(filled: duckdb.DuckDBPyConnection) -> None:
    totals = rd.totals(filled)
    assert (totals["articles"], totals["outlets"], totals["quotes"], totals["stories"]) == (
        4,
        2,
        5,
        2,
    )
    assert (totals["first_date"], totals["last_date"]) == (DAY, DAY + timedelta(days=2))
    assert (totals["entities"], totals["mentions"], totals["runs"]) == (4, 10, 3)


def test_articles_per_day_fold_small_outlets_and_name_a_missing_one(
    filled: duckdb.DuckDBPyConnection,
) -> None:
    rows = rd.articles_per_day(filled, outlets=10).rows()
    assert rows == [
        (DAY, "BBC", 2),
        (DAY, "Reuters", 1),
        (DAY + timedelta(days=2), "(no outlet)", 1),
    ]
    folded = rd.articles_per_day(filled, outlets=1).rows()
    assert folded == [
        (DAY, "BBC", 2),
        (DAY, "other outlets", 1),
        (DAY + timedelta(days=2), "other outlets", 1),
    ]


def test_top_speakers_count_resolved_quotes_by_kind(filled: duckdb.DuckDBPyConnection) -> None:
    rows = rd.top_speakers(filled, limit=10).select("speaker", "kind", "quotes", "total_quotes")
    assert rows.rows() == [
        ("Ada Lovelace", "direct", 2, 3),
        ("Ada Lovelace", "indirect", 1, 3),
        ("Bob", "mixed", 1, 1),
    ]
    assert rd.top_speakers(filled, limit=1)["speaker"].unique().to_list() == ["Ada Lovelace"]


def test_entity_mentions_per_period_keep_namesakes_apart(
    filled: duckdb.DuckDBPyConnection,
) -> None:
    frame = rd.entity_mentions(filled, limit=3, period="day")
    assert frame.select("entity", "period", "mentions").rows() == [
        ("Ada Lovelace", DAY, 3),
        ("Ada Lovelace", DAY + timedelta(days=2), 1),
        ("Paris (PERSON)", DAY, 3),
        ("Paris (GPE)", DAY, 2),
    ]
    weekly = rd.entity_mentions(filled, limit=1, period="week")
    monday = DAY - timedelta(days=DAY.weekday())
    assert weekly.select("entity", "period", "mentions").rows() == [("Ada Lovelace", monday, 4)]


def test_mentions_go_weekly_once_the_warehouse_spans_months() -> None:
    assert rd.mention_period(None, None) == "day"
    assert rd.mention_period(DAY, DAY + timedelta(days=rd.WEEKLY_AFTER_DAYS)) == "day"
    assert rd.mention_period(DAY, DAY + timedelta(days=rd.WEEKLY_AFTER_DAYS + 1)) == "week"


def test_story_timelines_list_the_largest_stories_articles_by_date(
    filled: duckdb.DuckDBPyConnection,
) -> None:
    frame = rd.story_timelines(filled, limit=10)
    assert frame.select("rank", "story", "article_id", "outlet").rows() == [
        (1, "Big", "a3", "Reuters"),
        (1, "Big", "a1", "BBC"),
        (1, "Big", "a2", "BBC"),
        (2, "Small", "a4", "(no outlet)"),
    ]
    assert rd.story_timelines(filled, limit=1)["story_id"].unique().to_list() == ["s1"]


def test_runs_are_the_latest_oldest_first(filled: duckdb.DuckDBPyConnection) -> None:
    frame = rd.recent_runs(filled, limit=2)
    assert frame.select("run_id", "loaded", "rejected").rows() == [("r1", 0, 1), ("r2", 0, 1)]


def test_read_bounds_every_chart(filled: duckdb.DuckDBPyConnection) -> None:
    data = rd.read(filled, rd.ReportLimits(outlets=1, speakers=1, entities=1, stories=1, runs=1))
    assert data.articles_per_day["outlet"].n_unique() == 2
    assert data.top_speakers["entity_id"].n_unique() == 1
    assert data.entity_mentions["entity_id"].n_unique() == 1
    assert data.story_timelines["story_id"].n_unique() == 1
    assert data.runs.height == 1
