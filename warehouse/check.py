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
    """Runs whose writes no check has found consistent: a run's own, and those
    of runs that failed, were killed or whose check found violations, so a
    violation is reported again until it is mended."""
    return [row[0] for row in con.execute(sql("unchecked_runs")).fetchall()]


def mark_checked(con: duckdb.DuckDBPyConnection, runs: Sequence[str], now: datetime) -> None:
    con.execute(sql("mark_runs_checked"), {"runs": list(runs), "now": now})
