"""`newsdesk sql` reading its query from a file or standard input, on a real
(empty) warehouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from warehouse.connection import connect


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "w.duckdb"
    connect(path).close()
    return str(path)


def test_the_query_comes_from_standard_input_with_a_dash(db: str) -> None:
    result = CliRunner().invoke(
        app, ["sql", "--file", "-", "--db", db, "--format", "csv"], input="SELECT 42 AS x\n"
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["x", "42"]


def test_a_query_file_is_read_as_utf8(db: str, tmp_path: Path) -> None:
    query = tmp_path / "q.sql"
    query.write_text("SELECT 'Zürich' AS city -- ünïcode\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["sql", "-f", str(query), "--db", db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["city", "Zürich"]


def test_a_missing_query_file_is_a_usage_error_not_a_traceback(db: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["sql", "-f", str(tmp_path / "missing.sql"), "--db", db])
    assert result.exit_code == 2
    assert "No such file or directory" in result.output
    assert "Traceback" not in result.output


def test_a_query_file_that_is_not_utf8_is_a_usage_error(db: str, tmp_path: Path) -> None:
    query = tmp_path / "latin1.sql"
    query.write_bytes("SELECT 'Zürich'".encode("latin-1"))
    result = CliRunner().invoke(app, ["sql", "-f", str(query), "--db", db])
    assert result.exit_code == 2
    assert f"{query} is not UTF-8 text" in result.output


def test_an_error_is_told_in_one_line_even_without_a_message() -> None:
    from newsdesk.cli import _first_line

    assert _first_line(ValueError("Binder Error: no such column\n\nLINE 1: ...")) == (
        "Binder Error: no such column"
    )
    assert _first_line(OSError()) == "(no message)"


def test_intervals_and_nested_columns_are_printed_not_a_traceback(db: str) -> None:
    query = "SELECT INTERVAL 1 DAY AS gap, ['NATO', 'EU'] AS outlets, {'n': 2} AS counts"
    table = CliRunner().invoke(app, ["sql", query, "--db", db])
    assert table.exit_code == 0, table.output
    assert "1 day" in table.output and "NATO" in table.output
    csv = CliRunner().invoke(app, ["sql", query, "--db", db, "--format", "csv"])
    assert csv.exit_code == 0, csv.output
    assert csv.output.splitlines() == ["gap,outlets,counts", "1 day,\"[NATO, EU]\",{'n': 2}"]
    as_json = CliRunner().invoke(app, ["sql", query, "--db", db, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert '"outlets":["NATO","EU"]' in as_json.output


def test_a_repeated_name_or_an_interval_inside_a_list_is_printed_in_place(db: str) -> None:
    query = "SELECT 1 AS a, INTERVAL 2 DAY AS a, [INTERVAL 1 HOUR] AS gaps"
    result = CliRunner().invoke(app, ["sql", query, "--db", db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["a,a_1,gaps", "1,2 days,['01:00:00']"]
