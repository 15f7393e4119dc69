"""The read-only query entry point behind `newsdesk sql`."""

from __future__ import annotations

import re

import duckdb
import polars as pl

READ_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})
# EXPLAIN ANALYZE runs the statement it explains, so that statement must be a read too.
_EXPLAINED = re.compile(r"^\s*EXPLAIN\s+(?:ANALYZE\s+)?(?P<inner>.*)$", re.IGNORECASE | re.DOTALL)


class WriteRefused(PermissionError):
    """A statement that would change something was sent to the read-only entry point."""


def run_query(con: duckdb.DuckDBPyConnection, query: str) -> pl.DataFrame:
    """Run every statement in `query` and return the last one's rows; refuses
    anything but reads before running any of them."""
    statements = con.extract_statements(query)
    if not statements:
        raise ValueError("no SQL statement given")
    for statement in statements:
        _refuse_unless_read(con, statement)
    result = pl.DataFrame()
    for statement in statements:
        result = con.execute(statement).pl()
    return result


def _refuse_unless_read(con: duckdb.DuckDBPyConnection, statement: duckdb.Statement) -> None:
    kind = statement.type
    if kind == duckdb.StatementType.EXPLAIN:
        match = _EXPLAINED.match(statement.query)
        inner = con.extract_statements(match["inner"]) if match else []
        if not inner:
            raise WriteRefused("refused: EXPLAIN of a statement that could not be read")
        for explained in inner:
            _refuse_unless_read(con, explained)
        return
    if kind not in READ_STATEMENTS:
        raise WriteRefused(
            f"refused: {kind.name.lower()} statements are not allowed, the warehouse is read-only"
        )
