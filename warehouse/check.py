"""Warehouse invariants (no orphan rows, spans that match their bodies, files in
a final state, run counters that match the log, stories that match their
placements), checked in SQL: `newsdesk check` reports them."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from warehouse.statements import sql


@dataclass(frozen=True)
class Violation:
    check: str
    what: str
    count: int

    def __str__(self) -> str:
        return f"{self.check}: {self.what} ({self.count})"


def violations(con: duckdb.DuckDBPyConnection, run_id: str | None = None) -> list[Violation]:
    """With `run_id`, spans are compared with the bodies of that run's articles
    only, which keeps a run's own check from reading every body it ever
    loaded; everything else is checked over the whole warehouse."""
    found = con.execute(sql("check_invariants"), {"run_id": run_id}).fetchall()
    return [Violation(c, w, n) for c, w, n in found]
