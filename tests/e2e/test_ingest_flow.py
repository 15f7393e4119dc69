"""The real `news_pipeline` flow on a real Prefect API and a real DuckDB file."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.settings import Settings
from tests.conftest import SEEDS

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]

LONG_BODY = " ".join(["NATO defence ministers met in Brussels to discuss ammunition."] * 5)
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty: the file has no bytes"),
    "blank.txt": (b" \n\n\t ", "whitespace only"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "no date.txt": (LONG_BODY.encode(), "no date"),
    "bad-date.txt": (f"date 2023-02-30 {LONG_BODY}".encode(), "impossible date 2023-02-30"),
    "future.txt": (f"date 2999-01-01 {LONG_BODY}".encode(), "future date 2999-01-01"),
    "short.txt": (b"date 2023-02-14 Too short to be news.", "too short"),
    "huge.txt": (b"date 2023-02-14 " + b"word " * 6000, "too large"),
}


def build_inbox(root: Path) -> None:
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, root / seed.name)
    first_seed = sorted(SEEDS.glob("*.txt"))[0]
    (root / "copies").mkdir()
    shutil.copy(first_seed, root / "copies" / "same body, other name é.txt")
    for name, (raw, _) in BAD_FILES.items():
        (root / name).write_bytes(raw)
    (root / "latin.txt").write_bytes(
        b"date 2023-02-15 \x93We stand firm,\x94 " + LONG_BODY.encode()
    )
    (root / "README.md").write_text("not an article")


def table_rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: sorted(con.sql(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in ("articles", "ingest_log")
        }
    finally:
        con.close()


def log_by_name(db: Path) -> dict[str, dict[str, Any]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        cursor = con.execute("SELECT * FROM ingest_log")
        names = [d[0] for d in cursor.description or []]
        rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    finally:
        con.close()
    return {Path(r["file_path"]).name: r for r in rows}


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    root.mkdir()
    build_inbox(root)
    return root


def test_mixed_inbox_ends_every_file_in_one_state_and_reruns_change_nothing(
    inbox: Path, tmp_path: Path
) -> None:
    from flows.news_pipeline import news_pipeline

    settings = Settings(
        inbox=inbox,
        db=tmp_path / "w.duckdb",
        data_docs=tmp_path / "docs",
        max_bytes=20_000,
        chunk_size=4,
    )
    first = news_pipeline(settings=settings)

    assert first["status"] == "completed"
    assert (first["files_seen"], first["loaded"], first["duplicates"], first["rejected"]) == (
        12,
        3,
        1,
        8,
    )
    log = log_by_name(settings.db)
    assert "README.md" not in log
    assert len(log) == 12
    for name, (_, reason) in BAD_FILES.items():
        assert log[name]["status"] == "rejected", name
        assert log[name]["reason"].startswith(reason), (name, log[name]["reason"])
    copy = log["same body, other name é.txt"]
    assert copy["status"] == "duplicate"
    assert copy["article_id"] == log["000_9e2ded5d912a6a0c.txt"]["article_id"]
    assert log["latin.txt"]["status"] == "loaded"
    assert log["latin.txt"]["reason"] == "not valid UTF-8; decoded as Windows-1252"

    con = duckdb.connect(str(settings.db), read_only=True)
    outlets = dict(con.sql("SELECT outlet, count(*) FROM articles GROUP BY ALL").fetchall())
    latin_body = con.sql("SELECT body FROM articles WHERE source_path LIKE '%latin.txt'").fetchone()
    con.close()
    assert outlets == {"Islam Times": 1, None: 2}
    assert latin_body is not None and latin_body[0].startswith("“We stand firm,”")

    before = table_rows(settings.db)
    second = news_pipeline(settings=settings)
    assert second["status"] == "completed"
    assert second["files_seen"] == 0
    assert table_rows(settings.db) == before


def test_changed_and_new_files_are_picked_up_incrementally(inbox: Path, tmp_path: Path) -> None:
    from flows.news_pipeline import news_pipeline

    settings = Settings(
        inbox=inbox, db=tmp_path / "w.duckdb", data_docs=tmp_path / "docs", max_bytes=20_000
    )
    news_pipeline(settings=settings)
    (inbox / "short.txt").write_text(f"date 2023-02-14 Reuters - {LONG_BODY} Now long enough.")
    shutil.copy(inbox / "002_f3c9ee0853c854be.txt", inbox / "late copy.txt")
    third = news_pipeline(settings=settings)
    assert (third["files_seen"], third["loaded"], third["duplicates"]) == (2, 1, 1)
    log = log_by_name(settings.db)
    assert log["late copy.txt"]["reason"].startswith("duplicate: same body as loaded article")
    con = duckdb.connect(str(settings.db), read_only=True)
    states = con.sql(
        "SELECT status FROM ingest_log WHERE file_path LIKE '%short.txt' ORDER BY seen_at"
    ).fetchall()
    con.close()
    assert states == [("rejected",), ("loaded",)]


def test_cli_run_status_and_sql(inbox: Path, tmp_path: Path) -> None:
    runner = CliRunner(
        env={"NEWSDESK_MAX_BYTES": "20000", "NEWSDESK_DATA_DOCS": str(tmp_path / "docs")}
    )
    db = str(tmp_path / "cli.duckdb")
    first = runner.invoke(app, ["run", "--inbox", str(inbox), "--db", db])
    assert first.exit_code == 0, first.output
    assert "loaded" in first.output and "rejected" in first.output
    again = runner.invoke(app, ["run", "--inbox", str(inbox), "--db", db])
    assert again.exit_code == 0
    assert "Nothing new" in again.output
    assert "Validation passed; Data Docs:" in first.output
    docs = runner.invoke(app, ["docs"])
    assert docs.exit_code == 0 and docs.output.strip().endswith("docs/index.html")

    status = runner.invoke(app, ["status", "--db", db])
    assert status.exit_code == 0
    assert "completed" in status.output and "rejected" in status.output

    csv = runner.invoke(
        app, ["sql", "SELECT count(*) AS n FROM articles", "--db", db, "--format", "csv"]
    )
    assert csv.exit_code == 0 and csv.output.strip().splitlines() == ["n", "3"]
    refused = runner.invoke(app, ["sql", "DELETE FROM articles", "--db", db])
    assert refused.exit_code != 0
    assert "read-only" in refused.output


def test_cli_run_that_fails_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["run", "--inbox", str(tmp_path / "missing"), "--db", str(tmp_path / "w.duckdb")]
    )
    assert result.exit_code == 1
    assert "error: run failed: NotADirectoryError" in result.output
