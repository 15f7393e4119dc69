"""Opening the warehouse: writers get the current schema, readers get a
read-only handle that cannot touch files outside the database."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from warehouse.migrate import apply_migrations, pending
from warehouse.statements import sql


class WarehouseMissing(FileNotFoundError):
    """Raised for read-only access to a warehouse that has never been written."""


class WarehouseBehind(RuntimeError):
    """Read-only access to a warehouse written by an older newsdesk, whose
    schema lacks migrations that only a writer can apply."""


class WarehouseLocked(RuntimeError):
    """Another process kept the DuckDB file open for longer than we would wait."""


_HOLDER = re.compile(r"held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def _open(db: Path, lock_wait: float, **options: Any) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting with backoff while another process holds it (a
    person's `duckdb` shell, another run); then fail naming the holder."""
    deadline = time.monotonic() + lock_wait
    delay = 0.1
    while True:
        try:
            return duckdb.connect(str(db), **options)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                match = _HOLDER.search(str(exc))
                holder = f"{match['program']} (PID {match['pid']})" if match else "another process"
                raise WarehouseLocked(
                    f"{db} is held by {holder}; waited {lock_wait:.0f} s. Close it and retry."
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 5.0)


def connect(db: Path, lock_wait: float = 0) -> duckdb.DuckDBPyConnection:
    db.parent.mkdir(parents=True, exist_ok=True)
    con = _open(db, lock_wait)
    try:
        apply_migrations(con)
    except BaseException:
        con.close()
        raise
    return con


def fts_extension() -> Path:
    """DuckDB cannot download extensions here: the `duckdb-extension-fts`
    package ships the fts build for this exact DuckDB version."""
    files = resources.files("duckdb_extension_fts")
    return Path(str(files.joinpath("extensions", f"v{duckdb.__version__}", "fts.duckdb_extension")))


def load_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Loaded by path rather than INSTALLed: nothing is copied into ~/.duckdb,
    and a reader can load it before its external access is switched off
    (DuckDB refuses LOAD afterwards, even of a loaded extension, and
    autoloading would try the network)."""
    [(loaded,)] = con.execute(sql("fts_loaded")).fetchall()
    if not loaded:
        path = str(fts_extension()).replace("'", "''")
        con.execute(f"LOAD '{path}'")


def connect_read_only(
    db: Path, lock_wait: float = 0, *, write_files: bool = False
) -> duckdb.DuckDBPyConnection:
    """User SQL runs here, so by default it cannot touch files outside the
    database; `write_files` is for exports, which write where they are told."""
    if not db.exists():
        raise WarehouseMissing(f"no warehouse at {db}: run `newsdesk run` first")
    con = _open(db, lock_wait, read_only=True)
    try:
        if missing := pending(con):
            raise WarehouseBehind(
                f"the warehouse at {db} was written by an older newsdesk (schema migrations "
                f"{', '.join(map(str, missing))} not applied): the next `newsdesk run` applies them"
            )
        # LOAD reads a file: before external access goes off. Without fts only
        # search fails (saying so); every other reader works.
        with contextlib.suppress(duckdb.Error, OSError):
            load_fts(con)
        if not write_files:
            con.execute(sql("disable_external_access"))
    except BaseException:
        con.close()
        raise
    return con


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
def open_warehouse(db: Path, lock_wait: float = 0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writer connection held only for the block: other processes (a person's
    `duckdb` shell, a scheduled run) can open the file in between steps."""
    con = connect(db, lock_wait)
    try:
        yield con
    finally:
        con.close()
