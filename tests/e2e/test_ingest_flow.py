"""The real `news_pipeline` flow on a real Prefect API and a real DuckDB file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsdesk import inbox as inbox_files
from newsdesk.cli import app
from newsdesk.settings import Settings
from tests.conftest import SEEDS
from tests.reliability.inbox_cases import build_inbox, english, log_by_name
from warehouse import load
from warehouse.connection import open_warehouse

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    build_inbox(root)
    return root


def test_changed_and_new_files_are_picked_up_incrementally(inbox: Path, tmp_path: Path) -> None:
    """A touched file (new time, same bytes) is read once, keeps its state and
    is not read again: its new time is recorded beside the log."""
    from flows.news_pipeline import news_pipeline

    settings = Settings(inbox=inbox, db=tmp_path / "w.duckdb", data_docs=tmp_path / "docs")
    news_pipeline(settings=settings)
    (inbox / "short.txt").write_text(f"date 2023-02-14 Reuters - {english('length')}")
    shutil.copy(inbox / "002_f3c9ee0853c854be.txt", inbox / "late copy.txt")
    os.utime(inbox / "002_f3c9ee0853c854be.txt", ns=(1_700_000_000_000_000_000,) * 2)
    third = news_pipeline(settings=settings)
    assert (third["files_seen"], third["loaded"], third["duplicates"]) == (2, 1, 1)
    log = log_by_name(settings.db)
    assert log["late copy.txt"][-1]["reason"].startswith("duplicate: same body as loaded article")
    assert [row["status"] for row in log["short.txt"]] == ["rejected", "loaded"]
    assert [row["status"] for row in log["002_f3c9ee0853c854be.txt"]] == ["loaded"]
    with open_warehouse(settings.db, settings.lock_wait) as con:
        known = load.known_files(con)
    assert inbox_files.unseen(inbox_files.scan(inbox, max_bytes=settings.max_bytes), known) == []


def test_cli_run_status_and_sql(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Relative paths, as typed in a shell: the report and Data Docs land beside
    the warehouse, and the run links them."""
    for name in ("NEWSDESK_DATA_DOCS", "NEWSDESK_REPORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    db = "cli.duckdb"
    first = runner.invoke(app, ["run", "--inbox", "inbox", "--db", db])
    assert first.exit_code == 0, first.output
    assert "loaded" in first.output and "rejected" in first.output
    assert f"Report: {tmp_path / 'cli-report.html'}" in first.output
    assert (tmp_path / "cli-report.html").exists()
    again = runner.invoke(app, ["run", "--inbox", "inbox", "--db", db])
    assert again.exit_code == 0
    assert "Nothing new" in again.output
    index = tmp_path / "cli-data-docs" / "index.html"
    assert f"Validation: passed; Data Docs: {index}" in first.output
    docs = runner.invoke(app, ["docs", "--db", db])
    assert docs.exit_code == 0
    assert docs.output.strip() == index.as_uri()

    status = runner.invoke(app, ["status", "--db", db])
    assert status.exit_code == 0
    assert "completed" in status.output and "rejected" in status.output

    csv = runner.invoke(
        app, ["sql", "SELECT count(*) AS n FROM articles", "--db", db, "--format", "csv"]
    )
    assert csv.exit_code == 0 and csv.output.strip().splitlines() == ["n", "8"]
    refused = runner.invoke(app, ["sql", "DELETE FROM articles", "--db", db])
    assert refused.exit_code != 0
    assert "read-only" in refused.output


def test_cli_run_that_fails_exits_non_zero_with_one_line(inbox: Path, tmp_path: Path) -> None:
    """A warehouse path that is a folder fails the run inside the flow."""
    (tmp_path / "folder.duckdb").mkdir()
    result = CliRunner().invoke(
        app, ["run", "--inbox", str(inbox), "--db", str(tmp_path / "folder.duckdb")]
    )
    assert result.exit_code == 1
    assert "error: run failed: IOException: " in result.output


def test_data_docs_and_report_that_cannot_be_written_leave_the_run_standing(
    tmp_path: Path,
) -> None:
    """Both draw rows already committed: a failed build is logged, the run is
    recorded as completed, and the CLI says which was not written."""
    shutil.copytree(SEEDS, tmp_path / "inbox")
    (tmp_path / "docs").write_text("a file where the Data Docs folder should be")
    (tmp_path / "report.html").mkdir()
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(
        app,
        ["run", "--inbox", str(tmp_path / "inbox"), "--db", str(db)],
        env={
            "NEWSDESK_DATA_DOCS": str(tmp_path / "docs"),
            "NEWSDESK_REPORT": str(tmp_path / "report.html"),
        },
    )
    assert result.exit_code == 0, result.output
    assert "2 loaded" in result.output
    assert "Validation: passed; Data Docs: not built (the run's log says why)" in result.output
    assert "Report: not written (the run's log says why)" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.sql("SELECT status FROM runs").fetchall() == [("completed",)]


def test_a_run_that_validates_nothing_says_so(tmp_path: Path) -> None:
    """Every new file rejected: nothing was validated, which is not a failure."""
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "short.txt").write_text("date 2023-02-14 Reuters - Too short.")
    result = CliRunner().invoke(
        app,
        ["run", "--inbox", str(tmp_path / "inbox"), "--db", str(tmp_path / "w.duckdb")],
        env={"NEWSDESK_DATA_DOCS": str(tmp_path / "docs")},
    )
    assert result.exit_code == 0, result.output
    assert "0 loaded, 0 duplicate, 1 rejected" in result.output
    assert "Validation: nothing to validate; Data Docs: " in result.output


def test_an_idle_run_checks_only_what_a_failed_run_left_unchecked(
    tmp_path: Path,
) -> None:
    """An idle run after a checked one skips the check (it wrote only its run
    row); after a failed or killed run, whose loaded chunks stay, it checks
    that run's writes."""
    from flows.news_pipeline import news_pipeline

    settings = Settings(
        inbox=tmp_path / "inbox", db=tmp_path / "w.duckdb", data_docs=tmp_path / "docs"
    )
    with pytest.raises(NotADirectoryError):
        news_pipeline(settings=settings)
    (tmp_path / "inbox").mkdir()
    after_failure = news_pipeline(settings=settings)
    after_completion = news_pipeline(settings=settings)
    assert after_failure["files_seen"] == after_completion["files_seen"] == 0
    [failed] = after_failure["invariants_checked"] or []
    assert failed != after_failure["run_id"] and after_failure["violations"] == []
    assert after_completion["invariants_checked"] is None
