"""Paths in the one settings object: fixed where they are given, and each
warehouse's outputs beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app
from newsdesk.settings import Settings


def test_relative_paths_are_read_against_the_folder_they_were_given_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NEWSDESK_DATA_DOCS", "NEWSDESK_REPORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    settings = Settings(inbox=Path("in"), db=Path("w/news.duckdb"))
    assert settings.inbox == tmp_path / "in"
    assert settings.db == tmp_path / "w" / "news.duckdb"
    assert settings.report == tmp_path / "w" / "news-report.html"
    assert settings.data_docs == tmp_path / "w" / "news-data-docs"
    assert settings.report.as_uri().startswith("file:///")


def test_the_default_paths_are_in_the_folder_the_command_runs_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NEWSDESK_INBOX", "NEWSDESK_DB", "NEWSDESK_DATA_DOCS", "NEWSDESK_REPORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    settings = Settings()
    assert settings.inbox == tmp_path / "seeds"
    assert settings.db == tmp_path / "warehouse" / "news.duckdb"
    assert settings.report == tmp_path / "warehouse" / "news-report.html"


@pytest.mark.parametrize(
    ("field", "variable", "default_name", "beside_w"),
    [
        ("report", "NEWSDESK_REPORT", "news-report.html", "w-report.html"),
        ("data_docs", "NEWSDESK_DATA_DOCS", "news-data-docs", "w-data-docs"),
    ],
)
def test_outputs_sit_beside_the_warehouse_unless_set(
    field: str,
    variable: str,
    default_name: str,
    beside_w: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(variable, raising=False)
    assert getattr(Settings(), field) == Settings().db.parent / default_name
    assert getattr(Settings(db=tmp_path / "w.duckdb"), field) == tmp_path / beside_w
    monkeypatch.setenv(variable, "elsewhere")
    monkeypatch.chdir(tmp_path)
    assert getattr(Settings(db=tmp_path / "sub" / "w.duckdb"), field) == tmp_path / "elsewhere"


def test_a_home_relative_path_is_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert Settings(db=Path("~/news.duckdb")).db == tmp_path / "news.duckdb"


def test_a_bad_value_is_named_with_its_variable_not_a_traceback() -> None:
    env = {"NEWSDESK_N_PROCESS": "0", "NEWSDESK_CHUNK_SIZE": "many"}
    result = CliRunner(env=env).invoke(app, ["status"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("error: invalid setting n_process (NEWSDESK_N_PROCESS): ")
    assert lines[0].endswith("got '0'")
    assert lines[1].startswith("error: invalid setting chunk_size (NEWSDESK_CHUNK_SIZE): ")
    assert len(lines) == 2


def test_an_unexpandable_home_is_a_setting_error_not_a_traceback() -> None:
    result = CliRunner(env={"NEWSDESK_DB": "~no-such-user-here/x.duckdb"}).invoke(app, ["status"])
    assert result.exit_code == 2
    assert result.output.startswith("error: invalid setting db (NEWSDESK_DB): ")
    assert "cannot expand ~no-such-user-here/x.duckdb" in result.output
