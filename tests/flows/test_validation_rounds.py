"""The flow's validate-and-quarantine rounds: they end when a round passes, and
a failure that quarantining cannot clear fails the chunk instead of looping.
The tasks around the rounds are stand-ins; the suites themselves are tested in
tests/expectations and end to end."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from expectations.validate import Outcome, ValidationStuck
from flows import news_pipeline as pipeline
from newsdesk.settings import Settings


class Rounds:
    """Validation outcomes in turn, and what got loaded."""

    def __init__(self, outcomes: list[dict[str, list[str]]]) -> None:
        self.outcomes: Iterator[dict[str, list[str]]] = iter(outcomes)
        self.validated = 0
        self.loaded = False

    def validate(self, batch: Any, extraction: Any, *_: Any) -> tuple[Any, Any, Outcome]:
        self.validated += 1
        return batch, extraction, Outcome(next(self.outcomes), 1)


@pytest.fixture
def rounds(monkeypatch: pytest.MonkeyPatch) -> Any:
    def install(outcomes: list[dict[str, list[str]]]) -> Rounds:
        state = Rounds(outcomes)
        monkeypatch.setattr(pipeline, "link_batch", lambda batch, results, s: (batch, "rows"))
        monkeypatch.setattr(pipeline, "place_stories", lambda b, e, s: (b, e, "placed"))
        monkeypatch.setattr(pipeline, "validate_batch", state.validate)
        monkeypatch.setattr(pipeline, "load_batch", lambda *a: setattr(state, "loaded", True))
        return state

    return install


def run(tmp_path: Path) -> None:
    extracted = SimpleNamespace(result=lambda: ("batch", []))
    settings = Settings(inbox=tmp_path, db=tmp_path / "w.duckdb")
    pipeline._validate_and_load(extracted, settings, date(2026, 11, 24), "r")  # type: ignore[arg-type]


def test_rounds_go_on_while_quarantining_clears_failures(rounds: Any, tmp_path: Path) -> None:
    state = rounds([{"a": ["quotes: span"]}, {"b": ["events: date"]}, {}])
    run(tmp_path)
    assert (state.validated, state.loaded) == (3, True)


def test_the_same_failures_twice_fail_the_chunk_unloaded(rounds: Any, tmp_path: Path) -> None:
    stuck = {"a": ["ingest_log: file_path unique"]}
    state = rounds([stuck, dict(stuck), {}])
    with pytest.raises(ValidationStuck, match="the same way after quarantining: ingest_log"):
        run(tmp_path)
    assert (state.validated, state.loaded) == (2, False)
