from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl

from flows.run_summary import RunSummary
from transforms.extraction import Extraction
from transforms.intake import FileRead, Intake, intake
from warehouse import load
from warehouse.check import violations
from warehouse.connection import connect

RAW = b"date 2023-02-14 BBC News - NATO defence ministers met in Brussels on Tuesday."
NOW = datetime(2024, 1, 1, 12, 0, 0)
TABLES = ("articles", "ingest_log")


def chunk(*reads: FileRead, touched: Sequence[FileRead] = ()) -> Intake:
    return intake(reads, latest_date=date(2024, 1, 1), min_words=3, touched=touched)


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.sql(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}


def test_load_is_one_idempotent_transaction_and_counts_the_run(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    batch = chunk(FileRead("a.txt", len(RAW), 1, "s1", RAW), FileRead("b.txt", 0, 1, None, b""))
    load.start_run(con, "r1", None, NOW)
    load.load_batch(con, batch, Extraction.empty(), "r1", NOW)
    load.load_batch(con, batch, Extraction.empty(), "r1", NOW.replace(second=1))
    assert counts(con) == {"articles": 1, "ingest_log": 2}
    summary = load.run_summary(con, "r1")
    assert (summary["files_seen"], summary["loaded"], summary["rejected"]) == (2, 1, 1)
    assert set(summary) == RunSummary.__required_keys__  # what the flow's cast promises
    ids = load.existing_article_ids(con, pl.Series(batch.articles["article_id"].to_list() * 2))
    assert ids == set(batch.articles["article_id"])
    known = load.known_files(con)
    assert known["a.txt"] == load.KnownFile(len(RAW), 1, "s1")


def test_an_article_loaded_since_parsing_is_logged_as_a_duplicate(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    first = chunk(FileRead("a.txt", len(RAW), 1, "s1", RAW))
    second = chunk(FileRead("b.txt", len(RAW), 1, "s1", RAW))
    load.start_run(con, "r1", None, NOW)
    load.load_batch(con, first, Extraction.empty(), "r1", NOW)
    load.load_batch(con, second, Extraction.empty(), "r1", NOW.replace(second=1))
    states = dict(con.sql("SELECT file_path, status FROM ingest_log").fetchall())
    assert states == {"a.txt": "loaded", "b.txt": "duplicate"}
    summary = load.run_summary(con, "r1")
    assert (summary["loaded"], summary["duplicates"]) == (1, 1)


def test_a_touch_is_the_latest_state_until_the_file_gets_a_log_row(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb")
    load.start_run(con, "r1", None, NOW)
    load.load_batch(
        con, chunk(FileRead("a.txt", len(RAW), 1, "s1", RAW)), Extraction.empty(), "r1", NOW
    )
    touched = FileRead("a.txt", len(RAW), 2, "s1", RAW)
    load.load_batch(con, chunk(touched=[touched]), Extraction.empty(), "r1", NOW.replace(second=1))
    assert load.known_files(con)["a.txt"] == load.KnownFile(len(RAW), 2, "s1")
    assert counts(con) == {"articles": 1, "ingest_log": 1}
    assert violations(con) == []
    con.execute("UPDATE file_touches SET file_sha256 = 'other'")
    assert [str(v) for v in violations(con)] == [
        "touch of bytes the log does not hold: file_touches (1)"
    ]
    con.execute("UPDATE file_touches SET file_sha256 = 's1'")
    edited = FileRead("a.txt", 3, 3, "s2", b"abc")
    load.start_run(con, "r2", None, NOW.replace(second=2))
    load.load_batch(con, chunk(edited), Extraction.empty(), "r2", NOW.replace(second=2))
    assert load.known_files(con)["a.txt"].mtime_ns == 3
    assert con.sql("SELECT count(*) FROM file_touches").fetchall() == [(0,)]
