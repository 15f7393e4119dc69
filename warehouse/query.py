"""The read-only query entry point behind `newsdesk sql`."""

from __future__ import annotations

import duckdb
import polars as pl

READ_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})


class WriteRefused(PermissionError):
    """A statement that would change something was sent to the read-only entry point."""


def run_query(con: duckdb.DuckDBPyConnection, query: str) -> pl.DataFrame:
    """Run every statement in `query` and return the last one's rows; refuses
    anything but reads before running any of them."""
    statements = con.extract_statements(query)
    if not statements:
        raise ValueError("no SQL statement given")
    for statement in statements:
        if statement.type not in READ_STATEMENTS:
            kind = statement.type.name.lower()
            raise WriteRefused(
                f"refused: {kind} statements are not allowed, the warehouse is read-only"
            )
    result = pl.DataFrame()
    for statement in statements:
        result = con.execute(statement).pl()
    return result
