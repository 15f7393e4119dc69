from pathlib import Path

import duckdb
import pytest

from warehouse.connection import WarehouseMissing, connect, connect_read_only
from warehouse.query import WriteRefused, run_query


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    connect(path).close()
    return path


def test_reads_return_the_last_statement(db: Path) -> None:
    con = connect_read_only(db)
    frame = run_query(con, "SELECT 1 AS a; SELECT count(*) AS n FROM articles")
    assert frame.to_dicts() == [{"n": 0}]


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM articles",
        "SELECT 1; DROP TABLE articles",
        "CREATE TABLE x (a INT)",
        "ATTACH 'other.duckdb'",
        "COPY articles TO 'out.csv'",
        "INSTALL fts",
        "EXPLAIN ANALYZE CREATE TEMP TABLE t AS SELECT 1",
        "EXPLAIN ANALYZE PRAGMA enable_profiling='json'",
        "SET threads = 1",
    ],
)
def test_writes_are_refused_before_anything_runs(db: Path, statement: str) -> None:
    con = connect_read_only(db)
    with pytest.raises(WriteRefused, match="read-only"):
        run_query(con, statement)
    assert run_query(con, "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'x'")[
        "n"
    ].to_list() == [0]


def test_files_outside_the_database_cannot_be_read(db: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    con = connect_read_only(db)
    with pytest.raises(duckdb.Error):
        run_query(con, f"SELECT * FROM read_csv('{secret}')")


def test_missing_warehouse_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WarehouseMissing, match="run `newsdesk run` first"):
        connect_read_only(tmp_path / "none.duckdb")


def test_explaining_a_read_is_allowed(db: Path) -> None:
    con = connect_read_only(db)
    assert run_query(con, "EXPLAIN SELECT 1").height >= 1
    assert run_query(con, "EXPLAIN ANALYZE SELECT count(*) FROM articles").height >= 1


def test_a_reader_cannot_change_its_configuration(db: Path) -> None:
    con = connect_read_only(db)
    with pytest.raises(duckdb.Error):
        con.execute("SET enable_external_access = true")
    with pytest.raises(duckdb.Error):
        con.execute("SET threads = 1")
