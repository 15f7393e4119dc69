"""Parquet export for BI tools and lakes: one file per table, and a Hive-style
folder per published month for tables that have a publication date, so a
reader can prune months without opening every file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.statements import sql


@dataclass(frozen=True)
class Exported:
    table: str
    path: Path
    rows: int
    partitioned: bool


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def export_parquet(con: duckdb.DuckDBPyConnection, target: Path) -> list[Exported]:
    target.mkdir(parents=True, exist_ok=True)
    done = []
    for table, date_column in con.execute(sql("export_tables")).fetchall():
        rows = con.execute(sql("count_rows").format(relation=_identifier(table))).fetchone()
        count = int(rows[0]) if rows else 0
        if date_column:
            path = target / table
            statement = sql("export_partitioned").format(
                relation=_identifier(table),
                target=_literal(str(path)),
                date_column=_identifier(date_column),
            )
        else:
            path = target / f"{table}.parquet"
            statement = sql("export_table").format(
                relation=_identifier(table), target=_literal(str(path))
            )
        con.execute(statement)
        done.append(Exported(table, path, count, bool(date_column)))
    return done
