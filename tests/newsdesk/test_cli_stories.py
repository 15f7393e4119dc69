"""`newsdesk stories` on a real (empty) warehouse."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsdesk.cli import app
from warehouse.connection import connect


def test_stories_on_a_warehouse_without_any_says_so(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    connect(db).close()
    result = CliRunner().invoke(app, ["stories", "--db", str(db)])
    assert result.exit_code == 0
    assert result.output == f"No stories yet in {db}: each `newsdesk run` places its articles.\n"
