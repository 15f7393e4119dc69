"""Story assignment at scale: place N new articles against a warehouse that
already holds M placed ones (the corpus replicated with distinct ids), and
print how long each step takes.

    .venv/bin/python -m benchmarks.stories_scale [--stored 100000] [--new 1000] [--chunk 5000]

Replica r of an article rewrites every word of six letters or more with an
`r`-suffix and moves the publication date r weeks on: a distinct id and a
vocabulary of its own, so replicas neither collapse into near-duplicates nor
into the same stories, while short common words keep postings long. The store
is filled through the same `place` + `write` a run uses (its chunks are timed
too); spaCy is left out (no entity or event-date terms) since the benchmark
measures assignment, not extraction.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from benchmarks.corpus import corpus_articles
from transforms.extraction import Extraction
from transforms.normalise import article_id
from transforms.stories import arrival_order
from warehouse import load, stories
from warehouse.connection import connect
from warehouse.statements import sql

if TYPE_CHECKING:
    import duckdb

LONG_WORD = re.compile(r"\b([A-Za-z]{6,})\b")
NOW = datetime(2026, 1, 1)


def originals() -> pl.DataFrame:
    return corpus_articles(NOW.date())


def replicas(base: pl.DataFrame, count: int, first: int = 0) -> Iterator[pl.DataFrame]:
    """Replicas `first`, `first+1`, ... until `count` articles have been made."""
    made, replica = 0, first
    while made < count:
        tag = f"r{replica}"
        frame = base.head(count - made).with_columns(
            pl.col("body").str.replace_all(LONG_WORD.pattern, f"${{1}}{tag}"),
            pl.col("title").str.replace_all(LONG_WORD.pattern, f"${{1}}{tag}"),
            pl.col("published_date") + timedelta(weeks=replica),
            (pl.col("source_path") + f"#{tag}"),
        )
        frame = frame.with_columns(
            pl.col("body").map_elements(article_id, return_dtype=pl.String).alias("article_id")
        )
        made += frame.height
        replica += 1
        yield frame


def insert_articles(con: duckdb.DuckDBPyConnection, articles: pl.DataFrame) -> None:
    """Through the warehouse's own statement; no extraction ran on these."""
    unextracted = articles.with_columns(
        pl.lit(None, pl.String).alias("extraction_model"),
        pl.lit(None, pl.String).alias("extraction_rules"),
    )
    con.register("batch_articles", unextracted.to_arrow())
    try:
        con.execute(sql("insert_articles"), {"now": NOW, "run_id": "bench"})
    finally:
        con.unregister("batch_articles")


def place_and_write(
    con: object, articles: pl.DataFrame, settings: stories.StorySettings
) -> tuple[float, float]:
    import duckdb

    assert isinstance(con, duckdb.DuckDBPyConnection)
    empty = Extraction.empty()
    arrivals = arrival_order(articles)
    started = time.perf_counter()
    placed = stories.place(con, arrivals, empty.mentions, empty.events, settings)
    placing = time.perf_counter() - started
    con.execute("BEGIN")
    insert_articles(con, articles)
    stories.write(con, placed)
    con.execute("COMMIT")
    return placing, time.perf_counter() - started - placing


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=1_000)
    parser.add_argument("--chunk", type=int, default=5_000)
    args = parser.parse_args(argv)
    settings = stories.StorySettings()
    base = originals()
    print(f"corpus: {base.height} distinct articles; store {args.stored:,}, new {args.new:,}")
    with tempfile.TemporaryDirectory(prefix="newsdesk-scale-") as tmp:
        con = connect(Path(tmp) / "w.duckdb")
        load.start_run(con, "bench", None, NOW)
        filled, started = 0, time.perf_counter()
        replicas_needed = -(-args.stored // base.height)
        for frame in replicas(base, args.stored):
            for offset in range(0, frame.height, args.chunk):
                chunk = frame.slice(offset, args.chunk)
                placing, writing = place_and_write(con, chunk, settings)
                filled += chunk.height
                print(
                    f"  filled {filled:>7,}: chunk of {chunk.height:,} placed in {placing:5.1f} s, "
                    f"written in {writing:4.1f} s",
                    flush=True,
                )
        print(f"store filled in {time.perf_counter() - started:.0f} s ({replicas_needed} replicas)")
        [new] = list(replicas(base, args.new, first=replicas_needed + 1))
        placing, writing = place_and_write(con, new, settings)
        placed, story_count, postings = con.sql(
            "SELECT (SELECT count(*) FROM story_articles), (SELECT count(*) FROM stories), "
            "(SELECT count(*) FROM article_terms)"
        ).fetchall()[0]
        print(
            f"warehouse: {placed:,} placed articles, {story_count:,} stories, {postings:,} postings"
        )
        print(
            f"assign {new.height:,} new against {filled:,} stored: place {placing:.2f} s, "
            f"write {writing:.2f} s, total {placing + writing:.2f} s"
        )


if __name__ == "__main__":
    main()
