"""Opening the warehouse: writers get the current schema, readers get a
read-only handle that cannot touch files outside the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from warehouse.migrate import apply_migrations


class WarehouseMissing(FileNotFoundError):
    """Raised for read-only access to a warehouse that has never been written."""


def connect(db: Path) -> duckdb.DuckDBPyConnection:
    db.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db))
    try:
        apply_migrations(con)
    except BaseException:
        con.close()
        raise
    return con


def connect_read_only(db: Path) -> duckdb.DuckDBPyConnection:
    if not db.exists():
        raise WarehouseMissing(f"no warehouse at {db}: run `newsdesk run` first")
    return duckdb.connect(str(db), read_only=True, config={"enable_external_access": False})


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    con.begin()
    try:
        yield con
    except BaseException:
        con.rollback()
        raise
    con.commit()


@contextmanager
def open_warehouse(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writer connection held only for the block: other processes (a person's
    `duckdb` shell, a scheduled run) can open the file in between steps."""
    con = connect(db)
    try:
        yield con
    finally:
        con.close()
