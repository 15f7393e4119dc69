"""The read-only query entry point behind `newsdesk sql`."""

from __future__ import annotations

import re

import duckdb
import polars as pl

READ_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})
# EXPLAIN ANALYZE runs the statement it explains, so that statement must be a read too.
_EXPLAINED = re.compile(r"^\s*EXPLAIN\s+(?:ANALYZE\s+)?(?P<inner>.*)$", re.IGNORECASE | re.DOTALL)


# DuckDB types polars cannot read from Arrow, and those a CSV cannot hold.
AS_TEXT = frozenset({"interval"})
NESTED = frozenset({"list", "struct", "map", "array", "union"})


class WriteRefused(PermissionError):
    """A statement that would change something was sent to the read-only entry point."""


def run_query(con: duckdb.DuckDBPyConnection, query: str, *, flat: bool = False) -> pl.DataFrame:
    """Run every statement in `query` and return the last one's rows; refuses
    anything but reads before running any of them. Columns polars cannot take
    (INTERVAL) come back as DuckDB prints them, and so do nested ones when the
    rows are `flat` (for CSV, which has no lists or structs)."""
    statements = con.extract_statements(query)
    if not statements:
        raise ValueError("no SQL statement given")
    for statement in statements:
        _refuse_unless_read(con, statement)
    *earlier, last = statements
    for statement in earlier:
        con.execute(statement)
    relation = con.sql(last.query)
    if relation is None:
        return pl.DataFrame()
    as_text = AS_TEXT | (NESTED if flat else frozenset())
    if any(t.id in as_text for t in relation.types):
        relation = relation.project(
            ", ".join(
                f"CAST({_quoted(c)} AS VARCHAR) AS {_quoted(c)}" if t.id in as_text else _quoted(c)
                for c, t in zip(relation.columns, relation.types, strict=True)
            )
        )
    return relation.pl()


def _quoted(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


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
