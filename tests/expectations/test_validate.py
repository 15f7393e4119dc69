"""The suites on real GX: clean seeds pass; each kind of corruption is caught,
its article quarantined with a reason naming the expectation, the rest loads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest
from spacy.language import Language

from expectations.frames import owners, validation_frames
from expectations.validate import Outcome, build_docs, validate
from tests.conftest import SEEDS
from transforms.extraction import Extraction, extract
from transforms.intake import FileRead, Intake, intake, quarantine
from transforms.stories import arrival_order
from warehouse import load, stories
from warehouse.connection import connect

TODAY = date(2026, 11, 22)
FIRST, SECOND = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def seeds(nlp: Language) -> tuple[Intake, Extraction]:
    files = [FileRead(p.name, 0, 0, "sha", p.read_bytes()) for p in (FIRST, SECOND)]
    batch = intake(files, latest_date=TODAY, min_words=20)
    return batch, extract(nlp, batch.articles)


def run(batch: Intake, extraction: Extraction, docs: Path | None = None) -> Outcome:
    frames = validation_frames(batch.articles, batch.log, extraction)
    return validate(frames, TODAY, owners(extraction), docs)


def article_of(batch: Intake, name: str) -> str:
    return str(batch.log.filter(pl.col("file_path") == name)["article_id"][0])


def test_clean_seeds_pass_every_suite_and_docs_are_built(
    seeds: tuple[Intake, Extraction], tmp_path: Path
) -> None:
    outcome = run(*seeds, docs=tmp_path / "docs")
    assert outcome.passed, outcome.failures
    assert outcome.checked > 100
    index = build_docs(tmp_path / "docs")
    assert index.exists()
    assert "quotes" in index.read_text(encoding="utf-8")


def corrupt_first_row(
    x: Extraction, article_id: str, table: str, column: str, value: pl.Expr
) -> Extraction:
    """Set `column` of the article's first row in one extracted table to `value`."""
    frame: pl.DataFrame = getattr(x, table)
    first: int = frame.with_row_index().filter(pl.col("article_id") == article_id)["index"][0]
    row = pl.int_range(pl.len()) == pl.lit(first)
    corrupted = pl.when(row).then(value).otherwise(pl.col(column)).alias(column)
    return replace(x, **{table: frame.with_columns(corrupted)})


def orphan_article(b: Intake, x: Extraction, a: str) -> tuple[Intake, Extraction]:
    orphan = x.quotes.filter(pl.col("article_id") == a).head(1)
    orphan = orphan.with_columns(
        pl.lit("0000000000000000").alias("article_id"), pl.lit("orphan").alias("quote_id")
    )
    return b, replace(x, quotes=pl.concat([x.quotes, orphan]))


@pytest.mark.parametrize(
    ("table", "column", "value", "expectation"),
    [
        (
            "quotes",
            "end_char",
            pl.col("end_char") + 100_000,  # an offset past the body
            "expect_column_pair_values_a_to_be_greater_than_b(_body_length, end_char)",
        ),
        (
            "quotes",
            "quote_text",
            pl.lit("not in the body"),
            "expect_column_pair_values_to_be_equal(quote_text, _body_span)",
        ),
        (
            "events",
            "event_id",
            pl.lit(None, dtype=pl.String),
            "expect_column_values_to_not_be_null(event_id)",
        ),
        (
            "events",
            "event_type",
            pl.lit("gossip"),
            "expect_column_values_to_be_in_set(event_type)",
        ),
        (
            "events",
            "event_date",
            pl.lit(date(2099, 1, 1)),
            "expect_column_values_to_be_between(event_date)",
        ),
    ],
    ids=["offset-past-body", "span-mismatch", "null-id", "unknown-label", "date-2099"],
)
def test_corruption_quarantines_only_its_article(
    seeds: tuple[Intake, Extraction],
    tmp_path: Path,
    table: str,
    column: str,
    value: pl.Expr,
    expectation: str,
) -> None:
    batch, extraction = seeds
    bad = article_of(batch, FIRST.name)
    good = article_of(batch, SECOND.name)
    extraction = corrupt_first_row(extraction, bad, table, column, value)

    outcome = run(batch, extraction)
    assert set(outcome.failures) == {bad}
    assert any(expectation in reason for reason in outcome.failures[bad])

    kept = quarantine(batch, outcome.failures)
    con = connect(tmp_path / "w.duckdb")
    load.start_run(con, "r", None, datetime(2026, 11, 22))
    load.load_batch(con, kept, extraction.only([good]), "r", datetime(2026, 11, 22))
    states = dict(con.sql("SELECT file_path, status FROM ingest_log").fetchall())
    assert states == {FIRST.name: "quarantined", SECOND.name: "loaded"}
    [(reason,)] = con.sql("SELECT reason FROM ingest_log WHERE status = 'quarantined'").fetchall()
    assert reason.startswith("failed validation: ") and expectation in reason
    assert _loaded_ids(con) == {good}
    assert con.sql("SELECT quarantined, loaded FROM runs").fetchall() == [(1, 1)]


def _loaded_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    ids: set[str] = set()
    for table in ("articles", "entity_mentions", "quotes", "events"):
        ids.update(r[0] for r in con.sql(f"SELECT DISTINCT article_id FROM {table}").fetchall())
    return ids


def test_a_row_of_no_known_article_is_caught_and_never_loaded(
    seeds: tuple[Intake, Extraction], tmp_path: Path
) -> None:
    batch, extraction = seeds
    orphan_id = "0000000000000000"
    batch, extraction = orphan_article(batch, extraction, article_of(batch, FIRST.name))
    outcome = run(batch, extraction)
    assert set(outcome.failures) == {orphan_id}
    assert any("in_set(_article_known)" in reason for reason in outcome.failures[orphan_id])

    kept = quarantine(batch, outcome.failures)
    con = connect(tmp_path / "w.duckdb")
    load.start_run(con, "r", None, datetime(2026, 11, 22))
    kept_ids = kept.articles["article_id"].to_list()
    load.load_batch(con, kept, extraction.only(kept_ids), "r", datetime(2026, 11, 22))
    assert orphan_id not in _loaded_ids(con)
    assert _loaded_ids(con) == set(kept_ids)


def test_an_expectation_that_cannot_run_vouches_for_no_article(
    seeds: tuple[Intake, Extraction],
) -> None:
    batch, extraction = seeds
    frames = validation_frames(batch.articles, batch.log, extraction)
    frames["quotes"] = frames["quotes"].drop("_body_span")
    outcome = validate(frames, TODAY, owners(extraction))
    assert set(outcome.failures) == set(batch.articles["article_id"].to_list())


def test_a_bad_story_quarantines_its_articles(seeds: tuple[Intake, Extraction]) -> None:
    batch, extraction = seeds
    first, second = article_of(batch, FIRST.name), article_of(batch, SECOND.name)
    stories = pl.DataFrame(
        {
            "story_id": ["s1"],
            "title": ["NATO ministers meet"],
            "first_date": [date(2023, 2, 16)],
            "last_date": [date(2023, 2, 14)],
            "article_count": [2],
            "outlet_count": [1],
        },
        schema_overrides={"article_count": pl.Int32, "outlet_count": pl.Int32},
    )
    members = pl.DataFrame(
        {
            "story_id": ["s1", "s1"],
            "incident_id": ["i1", "i1"],
            "article_id": [first, second],
            "score": [None, 0.8],
            "incident_score": [None, 0.7],
            "duplicate_of": [None, None],
            "sequence": [0, 1],
        },
        schema_overrides={"duplicate_of": pl.String, "score": pl.Float64},
    )
    frames = validation_frames(
        batch.articles, batch.log, extraction, stories=stories, story_articles=members
    )
    outcome = validate(frames, TODAY, owners(extraction, members))
    assert set(outcome.failures) == {first, second}
    assert all(
        any("stories: expect_column_pair_values_a_to_be_greater_than_b" in r for r in reasons)
        for reasons in outcome.failures.values()
    )


def test_placed_seeds_pass_and_a_bad_incident_or_copy_quarantines_its_articles(
    seeds: tuple[Intake, Extraction], tmp_path: Path
) -> None:
    batch, extraction = seeds
    first, second = article_of(batch, FIRST.name), article_of(batch, SECOND.name)
    con = connect(tmp_path / "w.duckdb")
    arrivals = arrival_order(batch.articles)
    placed = stories.place(
        con, arrivals, extraction.mentions, extraction.events, stories.StorySettings()
    )
    con.close()

    def check(incidents: pl.DataFrame, members: pl.DataFrame) -> Outcome:
        frames = validation_frames(
            batch.articles,
            batch.log,
            extraction,
            stories=placed.stories,
            incidents=incidents,
            story_articles=members,
        )
        return validate(frames, TODAY, owners(extraction, members))

    assert check(placed.incidents, placed.placements).passed
    backwards = placed.incidents.with_columns(
        (pl.col("first_date") - pl.duration(days=1)).alias("last_date")
    )
    outcome = check(backwards, placed.placements)
    assert set(outcome.failures) == {first, second}
    assert all(any(r.startswith("incidents: ") for r in v) for v in outcome.failures.values())
    unknown_copy = placed.placements.with_columns(
        pl.when(pl.col("article_id") == second)
        .then(pl.lit("ffffffffffffffff"))
        .otherwise(pl.col("duplicate_of"))
        .alias("duplicate_of")
    )
    outcome = check(placed.incidents, unknown_copy)
    assert list(outcome.failures) == [second]
    assert any("_duplicate_of_known" in r for r in outcome.failures[second])


def test_an_unknown_log_status_is_caught(seeds: tuple[Intake, Extraction]) -> None:
    batch, extraction = seeds
    bad = article_of(batch, FIRST.name)
    log = batch.log.with_columns(
        pl.when(pl.col("article_id") == bad)
        .then(pl.lit("misplaced"))
        .otherwise(pl.col("status"))
        .alias("status")
    )
    outcome = validate(
        validation_frames(batch.articles, log, extraction), TODAY, owners(extraction)
    )
    assert set(outcome.failures) == {bad}
    assert "ingest_log: expect_column_values_to_be_in_set(status)" in outcome.failures[bad][0]
