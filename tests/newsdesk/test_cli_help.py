"""The CLI's help as a terminal shows it."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsdesk.cli import app


@pytest.mark.parametrize(
    ("command", "hint"),
    [
        ("run", "[env NEWSDESK_INBOX]"),
        ("export", "[env NEWSDESK_DB]"),
        ("serve", "[default: every 15 minutes]"),
    ],
)
def test_the_cli_help_names_the_environment_variables(
    command: str, hint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typer reads help texts as Rich markup, which would drop a bare "[env ...]".
    Wide enough that no hint wraps (Typer reads TERMINAL_WIDTH once, at import)."""
    monkeypatch.setattr("typer.rich_utils.MAX_WIDTH", 200)
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert hint in result.output
