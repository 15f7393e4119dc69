"""Ordered, versioned schema migrations: `migrations/NNN_name.sql`, each applied
once in its own transaction and recorded in `schema_version`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import duckdb

from warehouse.statements import sql

_NAME = re.compile(r"(?P<version>\d{3})_(?P<name>\w+)\.sql")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    script: str


@cache
def available() -> tuple[Migration, ...]:
    """Read once per process: every connection a run opens checks them."""
    found = []
    for entry in resources.files("warehouse").joinpath("migrations").iterdir():
        match = _NAME.fullmatch(entry.name)
        if match:
            found.append(
                Migration(int(match["version"]), match["name"], entry.read_text(encoding="utf-8"))
            )
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a version number: {versions}")
    return tuple(found)


def pending(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Versions this code has that the warehouse has not applied; a reader,
    which cannot apply them, reports them instead of failing on a missing view."""
    present = con.execute(sql("schema_version_present")).fetchone()
    done = (
        {row[0] for row in con.execute(sql("applied_versions")).fetchall()}
        if present and present[0]
        else set()
    )
    return [m.version for m in available() if m.version not in done]


def apply_migrations(con: duckdb.DuckDBPyConnection, until: int | None = None) -> list[int]:
    """Apply the pending migrations (those up to version `until`, if given, so a
    warehouse can be brought to a past schema); returns the versions applied now."""
    con.execute(sql("create_schema_version"))
    done = {row[0] for row in con.execute(sql("applied_versions")).fetchall()}
    applied = []
    for migration in available():
        if migration.version in done or (until is not None and migration.version > until):
            continue
        con.begin()
        try:
            con.execute(migration.script)
            con.execute(
                sql("record_version"), {"version": migration.version, "name": migration.name}
            )
            con.commit()
        except BaseException:
            con.rollback()
            raise
        applied.append(migration.version)
    return applied
