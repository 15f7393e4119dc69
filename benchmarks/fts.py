"""Full-text index rebuild cost as the warehouse grows: fill `articles` (and
`quotes`) to each size, then time what a run pays to refresh the indexes.

    .venv/bin/python -m benchmarks.fts [--sizes 1000 5000 20000] [--new 100]

Articles are the corpus replicated as in `benchmarks.stories_scale` (every word of
six letters or more gets a replica suffix, so the vocabulary grows with the
warehouse as a real one does) and inserted directly, without spaCy; quotes are
the quotation-mark spans of their bodies. At each size the script times a full
rebuild of each index, the refresh a run does after loading `--new` more
articles (with their quotes: it appends them to the indexes), the refresh of a
run that loaded nothing (the staleness check), and a search; DuckDB's fts can
only rebuild an index whole, so the question is whether the refresh follows the
warehouse or the new rows. The last column says whether the appended indexes
rank a query's top 20 articles and quotes exactly as a rebuild of them does.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from statistics import median
from typing import TypeVar

import duckdb
import polars as pl

from benchmarks.stories_scale import NOW, insert_articles, originals, replicas
from transforms.schemas import QUOTES
from warehouse import load, search
from warehouse.connection import load_fts, open_warehouse
from warehouse.statements import sql

T = TypeVar("T")
QUOTED = re.compile(r"[“\"]([^”\"]{20,400})[”\"]")


def quotes_of(articles: pl.DataFrame) -> pl.DataFrame:
    rows = [
        {
            "quote_id": f"{article_id}:{match.start()}",
            "article_id": article_id,
            "kind": "direct",
            "quote_text": match.group(0),
            "start_char": match.start(),
            "end_char": match.end(),
            "speaker_text": None,
            "speaker_entity_id": None,
            "cue_verb": None,
            "sentence_index": 0,
        }
        for article_id, body in zip(articles["article_id"], articles["body"], strict=True)
        for match in QUOTED.finditer(body)
    ]
    return pl.DataFrame(rows, schema=QUOTES)


def insert(con: duckdb.DuckDBPyConnection, articles: pl.DataFrame) -> None:
    quotes = quotes_of(articles)
    con.execute("BEGIN")
    insert_articles(con, articles)
    con.register("batch_quotes", quotes.to_arrow())
    try:
        con.execute(sql("insert_quotes"))
    finally:
        con.unregister("batch_quotes")
    con.execute("COMMIT")


def timed(action: Callable[[], T]) -> tuple[float, T]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def count(con: duckdb.DuckDBPyConnection, query: str) -> int:
    row = con.sql(query).fetchone()
    return int(row[0]) if row else 0


def rebuild(db: Path, table: str) -> float:
    with open_warehouse(db) as con:
        return timed(lambda: search.rebuild_indexes(con, [table]))[0]


def used_mib(con: duckdb.DuckDBPyConnection) -> float:
    row = con.sql("SELECT used_blocks * block_size FROM pragma_database_size()").fetchone()
    return float(row[0]) / 2**20 if row else 0.0


def top_hits(con: duckdb.DuckDBPyConnection) -> tuple[pl.DataFrame, pl.DataFrame]:
    return (
        search.search_articles(con, "ammunition shortage", limit=20),
        search.search_quotes(con, "government minister", limit=20),
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 5_000, 20_000])
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="Median of this many timings.")
    args = parser.parse_args(argv)
    base = originals()
    sizes = sorted(args.sizes)
    print(
        f"corpus: {base.height:,} distinct articles; sizes {sizes}; "
        f"median of {args.repeat}; refresh after +{args.new} new articles"
    )
    stream = replicas(base, sizes[-1] + args.new * args.repeat * len(sizes))
    pending = pl.DataFrame(schema=base.schema)

    def take(n: int) -> pl.DataFrame:
        nonlocal pending
        while pending.height < n:
            pending = pl.concat([pending, next(stream)])
        taken, pending = pending.head(n), pending.slice(n)
        return taken

    print(
        f"{'articles':>9} {'quotes':>7} {'tokens':>10} | {'rebuild articles':>16} "
        f"{'rebuild quotes':>14} | {'refresh +' + str(args.new):>12} {'refresh +0':>10} | "
        f"{'search':>7} | {'data MiB':>8} {'index MiB':>9} | as rebuilt"
    )
    with tempfile.TemporaryDirectory(prefix="newsdesk-fts-") as tmp:
        db = Path(tmp) / "w.duckdb"
        with open_warehouse(db) as con:
            load.start_run(con, "bench", None, NOW)
        for size in sizes:
            # Every step on its own connection, as the flow's task does: DuckDB
            # frees a dropped index's blocks for reuse only across connections.
            with open_warehouse(db) as con:
                insert(con, take(size - count(con, "SELECT count(*) FROM articles")))
                articles = count(con, "SELECT count(*) FROM articles")
                quotes = count(con, "SELECT count(*) FROM quotes")
                load_fts(con)
                for table in search.present_indexes(con):
                    con.execute(f"PRAGMA drop_fts_index('{table}')")
            with open_warehouse(db) as con:
                con.execute("CHECKPOINT")
                data = used_mib(con)
            rebuild_articles = median(rebuild(db, "articles") for _ in range(args.repeat))
            rebuild_quotes = median(rebuild(db, "quotes") for _ in range(args.repeat))
            with open_warehouse(db) as con:
                con.execute("CHECKPOINT")
                index = used_mib(con) - data
                tokens = count(con, "SELECT count(*) FROM fts_main_articles.terms")
            refresh_new, refresh_none, query = [], [], []
            for _ in range(args.repeat):
                with open_warehouse(db) as con:
                    insert(con, take(args.new))
                with open_warehouse(db) as con:
                    seconds, rebuilt = timed(lambda: search.refresh_indexes(con))
                    assert rebuilt == ["articles", "quotes"], rebuilt
                    refresh_new.append(seconds)
                with open_warehouse(db) as con:
                    seconds, rebuilt = timed(lambda: search.refresh_indexes(con))
                    assert rebuilt == [], rebuilt
                    refresh_none.append(seconds)
                    seconds, hits = timed(
                        lambda: search.search_articles(con, "ammunition shortage")
                    )
                    assert hits.height > 0
                    query.append(seconds)
            with open_warehouse(db) as con:
                appended = top_hits(con)
                search.rebuild_indexes(con)
                rebuilt_hits = top_hits(con)
                same = all(a.equals(b) for a, b in zip(appended, rebuilt_hits, strict=True))
            print(
                f"{articles:>9,} {quotes:>7,} {tokens:>10,} | {rebuild_articles:>14.2f} s "
                f"{rebuild_quotes:>12.2f} s | {median(refresh_new):>10.2f} s "
                f"{median(refresh_none) * 1000:>7.1f} ms | {median(query) * 1000:>4.0f} ms | "
                f"{data:>8.1f} {index:>9.1f} | {'yes' if same else 'NO'}",
                flush=True,
            )


if __name__ == "__main__":
    main()
