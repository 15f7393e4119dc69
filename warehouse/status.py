"""What `newsdesk status` shows: the last runs and where every file stands."""

from __future__ import annotations

import duckdb
import polars as pl

from warehouse.statements import sql


def recent_runs(con: duckdb.DuckDBPyConnection, limit: int = 10) -> pl.DataFrame:
    return con.execute(sql("recent_runs"), {"limit": limit}).pl()


def file_states(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return con.execute(sql("file_states")).pl()


def problem_files(con: duckdb.DuckDBPyConnection, limit: int = 20) -> pl.DataFrame:
    return con.execute(sql("problem_files"), {"limit": limit}).pl()
