"""Schedules `newsdesk serve` refuses before it starts serving."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.deployment import Schedule, schedule
from newsdesk.cli import app


@pytest.mark.parametrize(
    ("cron", "interval", "message"),
    [
        ("not a cron", None, "is not a cron schedule"),
        ("61 * * * *", None, "is not a cron schedule"),
        (None, 0, "above 0"),
        (None, -5, "above 0"),
        (None, float("nan"), "above 0"),
        (None, float("inf"), "above 0"),
        (None, 1e12, "at most"),
        ("*/5 * * * *", 60, "not both"),
    ],
)
def test_a_bad_schedule_is_refused_in_a_sentence(
    cron: str | None, interval: float | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        schedule(cron, interval)


@pytest.mark.parametrize(
    ("cron", "interval", "expected"),
    [
        ("*/5 * * * *", None, Schedule(cron="*/5 * * * *")),
        (None, 20.0, Schedule(interval=timedelta(seconds=20))),
        (None, None, Schedule(cron="*/15 * * * *")),
    ],
)
def test_a_good_schedule_is_what_serve_gets(
    cron: str | None, interval: float | None, expected: Schedule
) -> None:
    assert schedule(cron, interval) == expected


def test_serve_with_a_bad_cron_exits_2_before_serving(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NEWSDESK_INBOX", "NEWSDESK_DB", "NEWSDESK_MODEL"):
        monkeypatch.delenv(name, raising=False)
    args = ["serve", "--cron", "every day", "--inbox", str(tmp_path), "--db", str(tmp_path / "w")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.output.startswith("error: --cron 'every day' is not a cron schedule")
