"""Parquet export for BI tools and lakes: one file per table, and a Hive-style
folder per published month for tables that have a publication date, so a
reader can prune months without opening every file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.statements import sql

PARTITION = "published_month"


@dataclass(frozen=True)
class Exported:
    table: str
    path: Path
    rows: int
    partitioned: bool


def export_parquet(con: duckdb.DuckDBPyConnection, target: Path) -> list[Exported]:
    """Overwrites what an earlier export wrote to the same folder."""
    target.mkdir(parents=True, exist_ok=True)
    done = []
    for table, date_column in con.execute(sql("export_tables")).fetchall():
        relation = con.table(table)
        counted = relation.aggregate("count(*)").fetchone()
        rows = int(counted[0]) if counted else 0
        if date_column:
            path = target / table
            by_month = relation.project(f"*, strftime({date_column}, '%Y-%m') AS {PARTITION}")
            by_month.write_parquet(
                str(path), compression="zstd", partition_by=[PARTITION], overwrite=True
            )
        else:
            path = target / f"{table}.parquet"
            relation.write_parquet(str(path), compression="zstd")
        done.append(Exported(table, path, rows, bool(date_column)))
    return done
