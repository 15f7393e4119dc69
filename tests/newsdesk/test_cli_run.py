"""What `newsdesk run` and `serve` refuse before Prefect starts: one line,
exit code 2, and no warehouse created."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app


@pytest.mark.parametrize("command", ["run", "serve"])
def test_a_missing_inbox_is_refused(command: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(
        app, [command, "--inbox", str(tmp_path / "missing"), "--db", str(db)]
    )
    assert result.exit_code == 2
    assert result.output == f"error: inbox {tmp_path / 'missing'} is not a directory\n"
    assert not db.exists()


@pytest.mark.parametrize("model", ["en_core_web_nope", "no_such.package", ""])
@pytest.mark.parametrize("command", ["run", "serve"])
def test_a_model_that_is_not_installed_is_refused(command: str, model: str, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    result = CliRunner(env={"NEWSDESK_MODEL": model}).invoke(
        app, [command, "--inbox", str(tmp_path), "--db", str(db)]
    )
    assert result.exit_code == 2
    assert result.output.startswith(f"error: spaCy model {model!r} is not installed")
    assert not db.exists()
