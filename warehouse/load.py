"""Writing batches: each chunk of files lands in one transaction (articles, their
log rows, the new times of touched files and the run's counters together), and
every write is idempotent, so a retried or repeated chunk changes no state."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import duckdb
import polars as pl

from transforms.extraction import Extraction
from transforms.intake import Intake, drop_known
from warehouse import stories
from warehouse.connection import transaction
from warehouse.statements import sql


@dataclass(frozen=True)
class KnownFile:
    size_bytes: int
    mtime_ns: int
    sha256: str | None
    reason: str | None = None


def known_files(con: duckdb.DuckDBPyConnection) -> dict[str, KnownFile]:
    rows = con.execute(sql("known_files")).fetchall()
    return {path: KnownFile(size, mtime, sha, reason) for path, size, mtime, sha, reason in rows}


def person_names(con: duckdb.DuckDBPyConnection, surnames: Iterable[str]) -> list[str]:
    """Full names of the people in the warehouse that a lone surname of the
    batch could mean (the query never reads every person)."""
    frame = pl.DataFrame({"surname": pl.Series(sorted(surnames), dtype=pl.String)})
    with _registered(con, {"batch_surnames": frame}):
        return [row[0] for row in con.execute(sql("person_names")).fetchall()]


def _existing(
    con: duckdb.DuckDBPyConnection, query: str, column: str, ids: Iterable[str]
) -> set[str]:
    frame = pl.DataFrame({column: pl.Series(list(ids), dtype=pl.String)}).unique()
    with _registered(con, {"batch_ids": frame}):
        return {row[0] for row in con.execute(sql(query)).fetchall()}


def existing_article_ids(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[str]:
    return _existing(con, "existing_article_ids", "article_id", ids)


def existing_entity_ids(con: duckdb.DuckDBPyConnection, ids: Iterable[str]) -> set[str]:
    return _existing(con, "existing_entity_ids", "entity_id", ids)


def start_run(
    con: duckdb.DuckDBPyConnection, run_id: str, flow_run_id: str | None, now: datetime
) -> int:
    """Returns how many earlier runs were found killed mid-run (now `interrupted`)."""
    stale = con.execute(sql("interrupt_stale_runs")).fetchone()
    con.execute(sql("start_run"), {"run_id": run_id, "flow_run_id": flow_run_id, "now": now})
    return int(stale[0]) if stale else 0


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, frames: dict[str, pl.DataFrame]) -> Iterator[None]:
    """Expose polars frames to SQL by name (through Arrow, no copies per row)."""
    for name, frame in frames.items():
        con.register(name, frame.to_arrow())
    try:
        yield
    finally:
        for name in frames:
            con.unregister(name)


def load_batch(
    con: duckdb.DuckDBPyConnection,
    batch: Intake,
    extraction: Extraction,
    run_id: str,
    now: datetime,
    *,
    placed: stories.StoryBatch | None = None,
) -> None:
    """One transaction: the batch's articles with their extracted rows, their
    log rows, the new times of its touched files and the run's counters. An
    article the warehouse already holds (a repeated batch, or the same body
    loaded by an earlier chunk or another run since this batch was parsed) is
    skipped with all its rows, and its file is logged as a duplicate."""
    params = {"run_id": run_id, "now": now}
    with transaction(con):
        with _registered(con, {"batch_articles": batch.articles}):
            fresh = {row[0] for row in con.execute(sql("fresh_article_ids")).fetchall()}
        if len(fresh) < batch.articles.height:
            batch = drop_known(batch, set(batch.articles["article_id"].to_list()) - fresh)
            extraction = extraction.only(fresh)
        frames = {
            "batch_articles": batch.articles,
            "batch_log": batch.log,
            "batch_mentions": extraction.mentions,
            "batch_entities": extraction.entities,
            "batch_aliases": extraction.aliases,
            "batch_quotes": extraction.quotes,
            "batch_events": extraction.events,
            "batch_touched": batch.touched,
        }
        with _registered(con, frames):
            con.execute(sql("insert_articles"), params)
            con.execute(sql("insert_mentions"))
            con.execute(sql("upsert_entities"))
            con.execute(sql("insert_aliases"))
            con.execute(sql("insert_quotes"))
            con.execute(sql("insert_events"))
            con.execute(sql("insert_ingest_log"), params)
            con.execute(sql("delete_file_touches"))
            con.execute(sql("upsert_file_touches"), params)
            con.execute(sql("add_run_counts"), params)
        if placed is None:
            return
        if not set(placed.article_ids) <= set(batch.articles["article_id"].to_list()):
            raise RuntimeError(
                "the batch was placed in stories against a warehouse another writer has "
                "changed since; nothing of it is loaded, the next run places it again"
            )
        stories.write(con, placed)


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, now: datetime) -> None:
    con.execute(sql("finish_run"), {"run_id": run_id, "status": status, "now": now})


def run_problems(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict[str, object]]:
    return con.execute(sql("run_problems"), {"run_id": run_id}).pl().to_dicts()


def run_summary(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, object]:
    cursor = con.execute(sql("run_summary"), {"run_id": run_id})
    columns = [d[0] for d in cursor.description or []]
    row = cursor.fetchone()
    if row is None:
        raise LookupError(f"run {run_id} is not recorded")
    return dict(zip(columns, row, strict=True))
