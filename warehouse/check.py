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


def violations(con: duckdb.DuckDBPyConnection) -> list[Violation]:
    return [Violation(c, w, n) for c, w, n in con.execute(sql("check_invariants")).fetchall()]
