"""Warehouse invariants (no orphan rows, spans that match their bodies, files in
a final state, run counters that match the log, stories that match their
placements), checked in SQL: `newsdesk check` reports them, and each run
checks what no run has found consistent yet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import duckdb

from warehouse.statements import sql

# The checks of check_invariants.sql that $runs scopes to those runs' bodies.
SPAN_CHECKS = frozenset({"offset outside body", "span differs from body"})


@dataclass(frozen=True)
class Violation:
    check: str
    what: str
    count: int

    def __str__(self) -> str:
        return f"{self.check}: {self.what} ({self.count})"


def violations(
    con: duckdb.DuckDBPyConnection, runs: Sequence[str] | None = None
) -> list[Violation]:
    """With `runs`, spans are compared with the bodies of those runs' articles
    only, which keeps a run's own check from reading every body ever loaded;
    everything else is checked over the whole warehouse."""
    found = con.execute(
        sql("check_invariants"), {"runs": None if runs is None else list(runs)}
    ).fetchall()
    return [Violation(c, w, n) for c, w, n in found]


def unchecked_runs(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Runs whose spans no check has found consistent with their bodies: a
    run's own, and those of runs that failed, were killed or whose spans
    differed, so such a violation is reported again until it is mended."""
    return [row[0] for row in con.execute(sql("unchecked_runs")).fetchall()]


def spans_consistent(found: Sequence[Violation]) -> bool:
    """Whether the runs' spans matched their bodies. The other checks read the
    whole warehouse on every run anyway, so a violation of theirs need not keep
    the runs' bodies in every later check."""
    return not any(v.check in SPAN_CHECKS for v in found)


def mark_checked(con: duckdb.DuckDBPyConnection, runs: Sequence[str], now: datetime) -> None:
    """Record that the runs' spans matched their bodies, so later checks skip
    those bodies."""
    con.execute(sql("mark_runs_checked"), {"runs": list(runs), "now": now})
