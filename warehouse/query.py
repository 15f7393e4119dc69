"""The read-only query entry point behind `newsdesk sql`."""

from __future__ import annotations

import re

import duckdb
import polars as pl

READ_STATEMENTS = frozenset({duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN})
# EXPLAIN ANALYZE runs the statement it explains, so that statement must be a read too.
_EXPLAINED = re.compile(r"^\s*EXPLAIN\s+(?:ANALYZE\s+)?(?P<inner>.*)$", re.IGNORECASE | re.DOTALL)


# DuckDB types polars cannot read from Arrow, at any depth, and those a CSV
# cannot hold (a list prints as "INTEGER[]" or "INTEGER[2]").
_UNREADABLE = re.compile(r"\b(INTERVAL|UNION)\b")
_NESTED = re.compile(r"\[\d*\]$|^(STRUCT|MAP|UNION)\(")
_BINARY = frozenset({"BLOB", "BIT", "VARINT", "BIGNUM"})


class WriteRefused(PermissionError):
    """A statement that would change something was sent to the read-only entry point."""


def run_query(con: duckdb.DuckDBPyConnection, query: str, *, flat: bool = False) -> pl.DataFrame:
    """Run every statement in `query` and return the last one's rows; refuses
    anything but reads before running any of them. Columns polars cannot take
    from Arrow (an INTERVAL or UNION anywhere in their type) come back as
    DuckDB prints them, and so do those a CSV cannot hold when the rows are
    `flat` (nested and binary values)."""
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
    types = [str(t) for t in relation.types]
    as_text = [_as_text(t, flat) for t in types]
    if any(as_text):
        # By position: a result may repeat a column name.
        relation = relation.project(
            ", ".join(
                f"CAST(#{i} AS VARCHAR) AS {_quoted(c)}" if text else f"#{i}"
                for i, (c, text) in enumerate(zip(relation.columns, as_text, strict=True), 1)
            )
        )
    return relation.pl()


def _as_text(duckdb_type: str, flat: bool) -> bool:
    if _UNREADABLE.search(duckdb_type):
        return True
    return flat and (bool(_NESTED.search(duckdb_type)) or duckdb_type in _BINARY)


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
