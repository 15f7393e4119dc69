"""The seeds through the real flow: what DESIGN.md promises about them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from newsdesk.settings import Settings
from tests.conftest import SEEDS
from warehouse.check import violations

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]

FIRST = "000_9e2ded5d912a6a0c.txt"  # Islam Times, 2023-02-16
SECOND = "002_f3c9ee0853c854be.txt"  # no outlet, 2023-02-14


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Iterator[Path]:
    from flows.news_pipeline import news_pipeline

    root = tmp_path_factory.mktemp("seeds")
    inbox = root / "inbox"
    shutil.copytree(SEEDS, inbox)
    settings = Settings(inbox=inbox, db=root / "w.duckdb", data_docs=root / "docs")
    summary = news_pipeline(settings=settings)
    assert (summary["loaded"], summary["quarantined"]) == (2, 0)
    assert summary["validation_passed"] is True
    assert (summary["stories"], summary["new_stories"], summary["near_duplicates"]) == (1, 1, 0)
    assert summary["violations"] == []
    assert (root / "docs" / "index.html").exists()
    yield settings.db


def rows(db: Path, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


def broken_copy(warehouse: Path, tmp_path: Path, *statements: str) -> Settings:
    """Settings for runs over a copy of the seeds' warehouse with `statements`
    applied, beside an empty inbox: what later runs meet after a break."""
    db = tmp_path / "w.duckdb"
    shutil.copy(warehouse, db)
    con = duckdb.connect(str(db))
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    return Settings(inbox=inbox, db=db, data_docs=tmp_path / "docs")


def article_id(db: Path, name: str) -> str:
    [(found,)] = rows(db, "SELECT article_id FROM articles WHERE source_path LIKE ?", [f"%{name}"])
    return str(found)


def person(db: Path, name: str) -> str:
    [(entity,)] = rows(
        db, "SELECT entity_id FROM entities WHERE canonical_name = ? AND label = 'PERSON'", [name]
    )
    return str(entity)


def quotes_with(db: Path, article: str, fragment: str) -> list[tuple[Any, ...]]:
    return rows(
        db,
        "SELECT kind, speaker_text, speaker_entity_id, cue_verb FROM quotes "
        "WHERE article_id = ? AND contains(quote_text, ?)",
        [article, fragment],
    )


def test_stoltenberg_is_one_person_across_both_articles(warehouse: Path) -> None:
    stoltenberg = person(warehouse, "Jens Stoltenberg")
    [(articles, label)] = rows(
        warehouse, "SELECT article_count, label FROM entities WHERE entity_id = ?", [stoltenberg]
    )
    assert (articles, label) == (2, "PERSON")
    surnames = rows(
        warehouse,
        "SELECT DISTINCT label FROM entity_mentions WHERE text = 'Stoltenberg' AND entity_id = ?",
        [stoltenberg],
    )
    assert surnames == [("PERSON",)]
    aliases = {
        a
        for (a,) in rows(
            warehouse, "SELECT alias FROM entity_aliases WHERE entity_id = ?", [stoltenberg]
        )
    }
    assert {"Jens Stoltenberg", "Stoltenberg"} <= aliases


@pytest.mark.parametrize(
    ("name", "fragment", "speaker_text"),
    [
        (FIRST, "We see no signs that President Putin", "Stoltenberg"),
        (FIRST, "So it makes it even more important", "the alliance chief"),
        (FIRST, "We have the right to help Ukraine", "he"),
        (FIRST, "When it comes to artillery", "Stoltenberg"),
        (SECOND, "NATO defense ministers will meet at a critical time", None),
        (SECOND, "Ukraine also needs to provide more ammunition", "him"),
        (SECOND, "it is even more important that NATO allies", "He"),
    ],
)
def test_stoltenbergs_quotes_are_attributed_to_him(
    warehouse: Path, name: str, fragment: str, speaker_text: str | None
) -> None:
    found = quotes_with(warehouse, article_id(warehouse, name), fragment)
    assert found, fragment
    _, text, entity, _ = found[0]
    assert entity == person(warehouse, "Jens Stoltenberg")
    if speaker_text is not None:
        assert text == speaker_text


def test_direct_and_indirect_quotes_of_stoltenberg_in_both_articles(warehouse: Path) -> None:
    stoltenberg = person(warehouse, "Jens Stoltenberg")
    kinds = rows(
        warehouse,
        "SELECT a.source_path LIKE '%' || ? AS first, q.kind, count(*) FROM quotes q "
        "JOIN articles a USING (article_id) WHERE q.speaker_entity_id = ? GROUP BY ALL",
        [FIRST, stoltenberg],
    )
    by = {(first, kind): n for first, kind, n in kinds}
    assert by.get((True, "direct"), 0) >= 4
    assert by.get((True, "indirect"), 0) + by.get((True, "mixed"), 0) >= 2
    assert by.get((False, "indirect"), 0) >= 5


def test_zelenskys_quotes_are_his(warehouse: Path) -> None:
    zelensky = person(warehouse, "Volodymyr Zelensky")
    first = article_id(warehouse, FIRST)
    for fragment in ("That is why speed is of the essence", "Speed in everything"):
        [(kind, _, entity, _)] = quotes_with(warehouse, first, fragment)
        assert (kind, entity) == ("direct", zelensky)


def test_the_ministers_meeting_is_dated_and_located(warehouse: Path) -> None:
    for name, location in ((FIRST, None), (SECOND, "Brussels")):
        found = rows(
            warehouse,
            "SELECT event_date, date_precision, location_text FROM events "
            "WHERE article_id = ? AND event_type = 'meeting' AND trigger_lemma = 'meeting' "
            "ORDER BY start_char LIMIT 1",
            [article_id(warehouse, name)],
        )
        [(day, precision, where)] = found
        assert (str(day), precision) == ("2023-02-14", "day")
        if location:
            assert where == location


def test_putins_statement_is_dated_february_24_2022(warehouse: Path) -> None:
    [(day, precision, source, text)] = rows(
        warehouse,
        "SELECT event_date, date_precision, date_source, date_text FROM events e "
        "JOIN entities n ON n.entity_id = e.actor_entity_id "
        "WHERE e.article_id = ? AND e.trigger_lemma = 'state' "
        "AND n.canonical_name = 'Vladimir Putin'",
        [article_id(warehouse, FIRST)],
    )
    assert (str(day), precision, source, text) == ("2022-02-24", "day", "explicit", "February 24")


def test_header_date_and_outlet_are_in_no_entity(warehouse: Path) -> None:
    assert (
        rows(
            warehouse,
            "SELECT text FROM entity_mentions "
            "WHERE text ILIKE '%Islam Times%' OR text LIKE '%2023-02%'",
        )
        == []
    )
    assert rows(
        warehouse,
        "SELECT count(*) FROM entity_mentions WHERE label IN ('DATE', 'CARDINAL', 'PERCENT')",
    ) == [(0,)]


def test_extraction_provenance_is_recorded(warehouse: Path) -> None:
    provenance = rows(warehouse, "SELECT DISTINCT extraction_model, extraction_rules FROM articles")
    assert len(provenance) == 1
    model, rules = provenance[0]
    assert "==" in model and rules


def test_every_span_matches_the_body(warehouse: Path) -> None:
    for table, column in (
        ("entity_mentions", "text"),
        ("quotes", "quote_text"),
        ("events", "trigger_text"),
    ):
        bad = rows(
            warehouse,
            f"SELECT count(*) FROM {table} t JOIN articles a USING (article_id) "
            f"WHERE substring(a.body, t.start_char + 1, t.end_char - t.start_char) <> t.{column}",
        )
        assert bad == [(0,)], table


def test_the_two_outlets_on_one_meeting_are_one_story_and_one_incident(warehouse: Path) -> None:
    placed = rows(
        warehouse,
        "SELECT story_id, incident_id, duplicate_of FROM story_articles ORDER BY sequence",
    )
    assert len(placed) == 2
    assert len({(story, incident) for story, incident, _ in placed}) == 1
    assert [copy for *_, copy in placed] == [None, None]
    [(title, first, last, count)] = rows(
        warehouse, "SELECT title, first_date, last_date, article_count FROM stories"
    )
    titles = {t for (t,) in rows(warehouse, "SELECT title FROM articles")}
    assert title in titles
    assert (str(first), str(last), count) == ("2023-02-14", "2023-02-16", 2)


def test_stories_rebuilt_from_the_cli_match_the_run(warehouse: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsdesk.cli import app

    query = "SELECT * FROM story_articles ORDER BY sequence"
    stories_query = "SELECT * FROM stories ORDER BY story_id"
    copy = tmp_path / "copy.duckdb"
    shutil.copy(warehouse, copy)
    result = CliRunner().invoke(app, ["stories", "--rebuild", "--db", str(copy)])
    assert result.exit_code == 0, result.output
    assert "2 article(s) placed" in result.output
    assert rows(copy, query) == rows(warehouse, query)
    assert rows(copy, stories_query) == rows(warehouse, stories_query)
    listed = CliRunner().invoke(app, ["stories", "--db", str(copy)])
    assert listed.exit_code == 0 and "story-" in listed.output


def test_check_finds_the_warehouse_consistent_and_lists_what_breaks_it(
    warehouse: Path, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from newsdesk.cli import app

    clean = CliRunner().invoke(app, ["check", "--db", str(warehouse)])
    assert clean.exit_code == 0, clean.output
    assert "is consistent" in clean.output
    broken = tmp_path / "broken.duckdb"
    shutil.copy(warehouse, broken)
    con = duckdb.connect(str(broken))
    con.execute("UPDATE entity_mentions SET start_char = start_char + 1 WHERE rowid = 0")
    con.execute("UPDATE quotes SET end_char = 1000000 WHERE rowid = 0")
    con.execute("UPDATE runs SET loaded = loaded + 1")
    con.execute("DELETE FROM stories")
    con.execute("UPDATE article_terms SET sequence = sequence + 100 WHERE term = 'nato'")
    con.close()
    result = CliRunner().invoke(app, ["check", "--db", str(broken)])
    assert result.exit_code == 1
    for expected in (
        "span differs from body: entity_mentions (1)",
        "offset outside body: quotes (1)",
        "run counts differ from ingest_log",
        "placement without its story: story_articles (2)",
        "terms without their placement: article_terms (2)",
        "error: 5 invariant(s) violated",
    ):
        assert expected in result.output, result.output
    shared = tmp_path / "shared.duckdb"
    shutil.copy(warehouse, shared)
    con = duckdb.connect(str(shared))
    try:
        # Terms follow their placement, so only the shared arrival order is wrong.
        con.execute("UPDATE story_articles SET sequence = 1")
        con.execute("UPDATE article_terms SET sequence = 1")
        assert [str(v) for v in violations(con)] == [
            "sequence shared by placements: story_articles (2)"
        ]
    finally:
        con.close()


def test_a_runs_check_compares_spans_with_its_own_articles_bodies_only(
    warehouse: Path, tmp_path: Path
) -> None:
    """Comparing spans with bodies is scoped to a run's articles; orphan rows,
    unknown entities and stories are checked over the whole warehouse."""
    broken = tmp_path / "broken.duckdb"
    shutil.copy(warehouse, broken)
    con = duckdb.connect(str(broken))
    try:
        [(run_id,)] = con.execute("SELECT run_id FROM runs").fetchall()
        con.execute("UPDATE quotes SET end_char = 1000000 WHERE rowid = 0")
        con.execute("UPDATE entity_mentions SET entity_id = 'gone' WHERE rowid = 0")
        con.execute(
            "INSERT INTO quotes SELECT * REPLACE ('orphan' AS quote_id, 'nowhere' AS article_id) "
            "FROM quotes WHERE rowid = 1"
        )
        con.execute("DELETE FROM stories")
        bodies = {"offset outside body: quotes (1)"}
        everywhere = {
            "orphan row: quotes (1)",
            "unknown entity: entity_mentions (1)",
            "placement without its story: story_articles (2)",
        }
        assert {str(v) for v in violations(con)} == bodies | everywhere
        assert {str(v) for v in violations(con, [run_id])} == bodies | everywhere
        assert {str(v) for v in violations(con, ["a later run"])} == everywhere
    finally:
        con.close()


def test_a_later_run_does_not_reread_earlier_articles_bodies(
    warehouse: Path, tmp_path: Path
) -> None:
    from flows.news_pipeline import news_pipeline

    settings = broken_copy(
        warehouse, tmp_path, "UPDATE quotes SET end_char = 1000000 WHERE rowid = 0"
    )
    (settings.inbox / "later.txt").write_text(
        "date 2023-02-17 The Courier - Defence ministers met again in Brussels on Friday. "
        "“We will keep supporting Ukraine for as long as it takes,” the minister said. "
        "The talks ended without a new agreement on ammunition.\n",
        encoding="utf-8",
    )
    summary = news_pipeline(settings=settings)
    assert (summary["loaded"], summary["invariants_checked"]) == (1, [summary["run_id"]])
    assert summary["violations"] == []
    con = duckdb.connect(str(settings.db), read_only=True)
    try:
        assert [str(v) for v in violations(con)] == ["offset outside body: quotes (1)"]
    finally:
        con.close()


def test_runs_check_what_no_check_has_passed_until_it_is_mended(
    warehouse: Path, tmp_path: Path
) -> None:
    """A run killed during its check, or whose spans differed from their
    bodies, stays unchecked: every later run compares its articles again and
    reports the violation until it is mended, then marks it checked."""
    from typer.testing import CliRunner

    from flows.news_pipeline import news_pipeline
    from newsdesk.cli import app

    [(seeds_run,)] = rows(warehouse, "SELECT run_id FROM runs WHERE checked_at IS NOT NULL")
    settings = broken_copy(
        warehouse,
        tmp_path,
        "UPDATE quotes SET end_char = 1000000 WHERE rowid = 0",
        "UPDATE runs SET checked_at = NULL",  # as if killed during its check
    )
    inbox, db = settings.inbox, settings.db
    idle = news_pipeline(settings=settings)
    assert (idle["files_seen"], idle["invariants_checked"]) == (0, [seeds_run])
    assert idle["violations"] == ["offset outside body: quotes (1)"]
    (inbox / "later.txt").write_text(
        "date 2023-02-17 The Courier - Defence ministers met again in Brussels on Friday. "
        "The talks ended without a new agreement on ammunition, officials said.\n",
        encoding="utf-8",
    )
    later = news_pipeline(settings=settings)
    assert later["invariants_checked"] == [seeds_run, later["run_id"]]
    assert later["violations"] == ["offset outside body: quotes (1)"]
    idle_cli = CliRunner(env={"NEWSDESK_DATA_DOCS": str(tmp_path / "docs")}).invoke(
        app, ["run", "--inbox", str(inbox), "--db", str(db)]
    )
    assert idle_cli.exit_code == 1, idle_cli.output
    assert "error: warehouse invariants violated: offset outside body" in idle_cli.output
    con = duckdb.connect(str(db))
    con.execute("UPDATE quotes SET end_char = start_char + length(quote_text) WHERE rowid = 0")
    con.close()
    mended = news_pipeline(settings=settings)
    assert (mended["invariants_checked"], mended["violations"]) == (
        [seeds_run, later["run_id"]],
        [],
    )
    assert news_pipeline(settings=settings)["invariants_checked"] is None


def test_a_violation_outside_the_runs_spans_does_not_keep_their_bodies_unchecked(
    warehouse: Path, tmp_path: Path
) -> None:
    """Checks other than span against body read the whole warehouse on every
    run that wrote something; a violation of theirs is reported, but the runs
    whose spans matched are marked checked."""
    from flows.news_pipeline import news_pipeline

    [(seeds_run,)] = rows(warehouse, "SELECT run_id FROM runs")
    settings = broken_copy(
        warehouse, tmp_path, "DELETE FROM stories", "UPDATE runs SET checked_at = NULL"
    )
    first = news_pipeline(settings=settings)
    assert first["invariants_checked"] == [seeds_run]
    assert "placement without its story: story_articles (2)" in first["violations"]
    assert news_pipeline(settings=settings)["invariants_checked"] is None
