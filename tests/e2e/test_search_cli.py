"""`newsdesk search` on the seeds after the real flow built the indexes."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner, Result

from newsdesk.cli import app
from newsdesk.settings import Settings
from tests.conftest import SEEDS

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Settings:
    from flows.news_pipeline import news_pipeline

    root = tmp_path_factory.mktemp("search")
    shutil.copytree(SEEDS, root / "inbox")
    settings = Settings(inbox=root / "inbox", db=root / "w.duckdb", data_docs=root / "docs")
    summary = news_pipeline(settings=settings)
    assert (summary["loaded"], summary["quarantined"], summary["violations"]) == (2, 0, [])
    assert summary["search"] == "refreshed: articles, quotes"
    return settings


def newsdesk(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def seed_ids(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [row[0] for row in con.sql("SELECT article_id FROM articles").fetchall()]


def test_ammunition_finds_both_seed_articles_with_snippets(settings: Settings) -> None:
    result = newsdesk("search", "ammunition", "--db", str(settings.db))
    assert result.exit_code == 0, result.output
    ids = seed_ids(settings.db)
    assert len(ids) == 2 and all(article in result.output for article in ids)
    assert "Islam Times" in result.output and "2023-02-16" in result.output
    assert "ramp up ammunition production" in result.output  # the snippets
    assert "the pace of ammunition production" in result.output
    first = newsdesk("search", "ammunition", "--limit", "1", "--db", str(settings.db))
    assert first.exit_code == 0
    assert sum(article in first.output for article in ids) == 1


def test_quotes_about_peace_find_stoltenberg(settings: Settings) -> None:
    result = newsdesk("search", "--quotes", "peace", "--db", str(settings.db))
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.output.splitlines() if "preparing for peace" in line]
    assert "Jens Stoltenberg" in line and "Islam Times" in line and "2023-02-16" in line


def test_no_hits_is_a_clear_line_and_a_missing_warehouse_fails(
    settings: Settings, tmp_path: Path
) -> None:
    none = newsdesk("search", "zebra crossing", "--db", str(settings.db))
    assert (none.exit_code, none.output) == (
        0,
        f"No articles match 'zebra crossing' in {settings.db}.\n",
    )
    quotes = newsdesk("search", "--quotes", "zebra", "--db", str(settings.db))
    assert quotes.exit_code == 0 and quotes.output.startswith("No quotes match 'zebra'")
    for nothing in ("the", "", "?!"):
        empty = newsdesk("search", nothing, "--db", str(settings.db))
        assert empty.exit_code == 2
        assert empty.output == (
            f"error: {nothing!r} has no words to search for: "
            "stopwords and punctuation are not indexed\n"
        )
    missing = newsdesk("search", "ammunition", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 1
    assert missing.output.startswith("error: no warehouse at") and missing.output.count("\n") == 1


def test_user_sql_ranks_with_bm25_and_the_warehouse_stays_consistent(
    settings: Settings,
) -> None:
    ranked = newsdesk(
        "sql",
        "SELECT count(*) AS n FROM (SELECT fts_main_quotes.match_bm25(quote_id, 'peace') AS s "
        "FROM quotes) WHERE s IS NOT NULL",
        "--db",
        str(settings.db),
        "--format",
        "csv",
    )
    assert ranked.exit_code == 0, ranked.output
    assert int(ranked.output.splitlines()[1]) >= 1
    outside = newsdesk("sql", f"SELECT * FROM read_text('{SEEDS}/*.txt')", "--db", str(settings.db))
    assert outside.exit_code == 1 and "disabled by configuration" in outside.output
    check = newsdesk("check", "--db", str(settings.db))
    assert check.exit_code == 0, check.output


def test_a_rerun_with_nothing_new_leaves_the_indexes_current(settings: Settings) -> None:
    from flows.news_pipeline import news_pipeline
    from warehouse import search
    from warehouse.connection import connect

    assert news_pipeline(settings=settings)["files_seen"] == 0
    con = connect(settings.db)
    try:
        assert search.stale_indexes(con) == []
    finally:
        con.close()
    again = newsdesk("search", "ammunition", "--db", str(settings.db))
    assert again.exit_code == 0 and all(a in again.output for a in seed_ids(settings.db))
