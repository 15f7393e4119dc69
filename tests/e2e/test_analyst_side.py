"""What an analyst reaches for, on the seeds' real warehouse: the views, the
example queries, the data dictionary in the database and the Parquet export."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from newsdesk.cli import app

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]

ROOT = Path(__file__).resolve().parents[2]
QUERIES = sorted((ROOT / "warehouse" / "queries").glob("*.sql"))
STOLTENBERG = "Jens Stoltenberg"


def rows(db: Path, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(query, params or []).fetchall()


def one(db: Path, query: str, params: list[Any] | None = None) -> Any:
    [(value,)] = rows(db, query, params)
    return value


def test_quotes_by_speaker_counts_each_resolved_speakers_quotes(seeds_warehouse: Path) -> None:
    db = seeds_warehouse
    [row] = rows(
        db,
        "SELECT quotes, direct + indirect + mixed, articles, first_date, last_date, outlets"
        " FROM quotes_by_speaker WHERE speaker = ?",
        [STOLTENBERG],
    )
    quoted = one(
        db,
        "SELECT count(*) FROM quotes q JOIN entities e ON e.entity_id = q.speaker_entity_id"
        " WHERE e.canonical_name = ?",
        [STOLTENBERG],
    )
    assert row[0] == row[1] == quoted > 0
    assert row[2:] == (2, dt.date(2023, 2, 14), dt.date(2023, 2, 16), ["Islam Times"])
    assert one(db, "SELECT sum(quotes) FROM quotes_by_speaker") == one(
        db, "SELECT count(*) FROM quotes WHERE speaker_entity_id IS NOT NULL"
    )


def test_who_said_what_has_every_quote_with_its_article_and_story(seeds_warehouse: Path) -> None:
    db = seeds_warehouse
    assert one(db, "SELECT count(*) FROM who_said_what") == one(db, "SELECT count(*) FROM quotes")
    assert one(db, "SELECT count(*) FROM who_said_what WHERE story_id IS NULL") == 0
    found = rows(
        db,
        "SELECT speaker, kind, outlet, published_date FROM who_said_what"
        " WHERE quote_text LIKE '%We see no signs that President Putin is preparing for peace%'",
    )
    assert found == [(STOLTENBERG, "direct", "Islam Times", dt.date(2023, 2, 16))]


def test_entity_cooccurrence_pairs_entities_by_sentence_and_article(seeds_warehouse: Path) -> None:
    db = seeds_warehouse
    [(same_sentence, same_article)] = rows(
        db,
        "SELECT same_sentence, same_article FROM entity_cooccurrence"
        " WHERE ? IN (name_a, name_b) AND 'North Atlantic Treaty Organization' IN (name_a, name_b)",
        [STOLTENBERG],
    )
    assert same_article == 2 and same_sentence >= 2
    assert one(db, "SELECT count(*) FROM entity_cooccurrence WHERE entity_a >= entity_b") == 0
    assert (
        one(db, "SELECT count(*) FROM entity_cooccurrence WHERE same_sentence > same_article * 100")
        == 0
    )


def test_daily_mentions_add_up_to_the_mentions(seeds_warehouse: Path) -> None:
    db = seeds_warehouse
    assert one(db, "SELECT sum(mentions) FROM daily_mentions") == one(
        db, "SELECT count(*) FROM entity_mentions WHERE entity_id IS NOT NULL"
    )
    days = rows(
        db, "SELECT day FROM daily_mentions WHERE canonical_name = ? ORDER BY day", [STOLTENBERG]
    )
    assert days == [(dt.date(2023, 2, 14),), (dt.date(2023, 2, 16),)]


def test_story_timeline_lists_both_outlets_in_one_story_and_incident(
    seeds_warehouse: Path,
) -> None:
    timeline = rows(
        seeds_warehouse,
        "SELECT story_id, incident_id, outlet, published_date FROM story_timeline"
        " ORDER BY published_date",
    )
    assert [(outlet, day) for _, _, outlet, day in timeline] == [
        (None, dt.date(2023, 2, 14)),
        ("Islam Times", dt.date(2023, 2, 16)),
    ]
    assert len({(story, incident) for story, incident, _, _ in timeline}) == 1


def test_event_timeline_has_the_dated_meeting_and_putins_statement(seeds_warehouse: Path) -> None:
    db = seeds_warehouse
    assert one(db, "SELECT count(*) FROM event_timeline") == one(
        db, "SELECT count(*) FROM events WHERE event_date IS NOT NULL"
    )
    meetings = rows(
        db,
        "SELECT DISTINCT location FROM event_timeline"
        " WHERE event_type = 'meeting' AND event_date = DATE '2023-02-14' AND location IS NOT NULL",
    )
    assert ("Brussels",) in meetings
    assert (
        one(
            db,
            "SELECT count(*) FROM event_timeline WHERE actor = 'Vladimir Putin'"
            " AND event_date = DATE '2022-02-24'",
        )
        >= 1
    )


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
def test_example_queries_run_and_answer(seeds_warehouse: Path, query: Path) -> None:
    first_line = query.read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("-- ") and len(first_line) > 20, "one-line comment first"
    result = CliRunner().invoke(
        app, ["sql", "--file", str(query), "--db", str(seeds_warehouse), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    _header, *answer = result.output.strip().splitlines()
    assert answer, f"{query.name} found nothing on the seeds"


def test_the_readmes_example_outputs_are_what_the_queries_print(seeds_warehouse: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"^\$ newsdesk sql --file (\S+)\n(.*?)\n(?:\n|```)", readme, re.M | re.S)
    assert len(shown) == 3
    for query, table in shown:
        result = CliRunner().invoke(
            app, ["sql", "--file", str(ROOT / query), "--db", str(seeds_warehouse)]
        )
        assert result.exit_code == 0, result.output
        assert result.output.strip() == table.strip(), query


def test_the_dictionary_is_in_the_database_and_printed(seeds_warehouse: Path) -> None:
    comment = one(
        seeds_warehouse,
        "SELECT comment FROM duckdb_columns() WHERE table_name = 'who_said_what'"
        " AND column_name = 'speaker'",
    )
    assert comment and "speaker" in comment
    printed = CliRunner().invoke(app, ["schema", "--db", str(seeds_warehouse)])
    assert printed.exit_code == 0
    assert "quotes_by_speaker (view): Per resolved speaker" in printed.output
    assert "articles (table): One row per distinct article body" in printed.output


def test_export_writes_every_table_as_parquet_by_month(
    seeds_warehouse: Path, tmp_path: Path
) -> None:
    out = tmp_path / "lake"
    result = CliRunner().invoke(
        app, ["export", "--parquet", str(out), "--db", str(seeds_warehouse)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["published_month=2023-02"]
    with duckdb.connect() as con:
        exported = con.execute(
            "SELECT count(*), count(DISTINCT published_month)"
            " FROM read_parquet(?, hive_partitioning = true)",
            [str(out / "articles" / "**" / "*.parquet")],
        ).fetchone()
        quotes = con.execute("SELECT count(*) FROM read_parquet(?)", [str(out / "quotes.parquet")])
        quote_count = quotes.fetchone()
    assert exported == (2, 1)
    assert quote_count == (one(seeds_warehouse, "SELECT count(*) FROM quotes"),)
    tables = {
        t
        for (t,) in rows(
            seeds_warehouse,
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal",
        )
    }
    written = {p.name.removesuffix(".parquet") for p in out.iterdir()}
    assert written == tables


def test_export_to_a_missing_warehouse_fails_with_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["export", "--parquet", str(tmp_path / "x"), "--db", str(tmp_path / "none.duckdb")]
    )
    assert result.exit_code == 1
    assert "no warehouse at" in result.output
