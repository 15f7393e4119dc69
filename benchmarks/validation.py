"""Validation's share of a run: the run's steps (parse, extract, place in stories,
validate, load),
chunked as the flow chunks them, over N corpus articles, each step timed.
The Great Expectations import is counted once, inside validation; Data Docs are
built once at the end, as in a run. Also reports whether the corpus passes
every suite (a failure there is a bug in extraction or in a suite).

    .venv/bin/python -m benchmarks.validation [--articles 1000] [--n-process 1]
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

from benchmarks.corpus import corpus_files
from expectations.frames import owners, referenced_articles, validation_frames
from expectations.validate import build_docs, validate
from flows.workers import analyser
from newsdesk.settings import Settings
from transforms.extraction import analysis_rows, assemble
from transforms.intake import FileRead, drop_known, intake, quarantine
from transforms.stories import arrival_order
from warehouse import load, stories
from warehouse.connection import connect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args()
    settings = Settings(n_process=args.n_process)
    today = date.today()
    files = [
        FileRead(name, len(raw), 0, None, raw)
        for name, raw in itertools.islice(corpus_files(), args.articles)
    ]
    seconds: defaultdict[str, float] = defaultdict(float)
    failures: dict[str, list[str]] = {}
    with (
        tempfile.TemporaryDirectory() as tmp,
        analyser(settings.model, settings.batch_size, settings.n_process) as analyse,
    ):
        con = connect(Path(tmp) / "bench.duckdb")
        load.start_run(con, "bench", None, datetime.now())
        for start in range(0, len(files), settings.chunk_size):
            chunk = files[start : start + settings.chunk_size]
            t = time.perf_counter()
            batch = intake(chunk, latest_date=today, min_words=settings.min_words)
            seconds["parse"] += time.perf_counter() - t
            t = time.perf_counter()
            extraction = assemble(analyse(analysis_rows(batch.articles)))
            seconds["extract"] += time.perf_counter() - t
            t = time.perf_counter()
            known = load.existing_article_ids(con, batch.articles["article_id"])
            batch = drop_known(batch, known)
            extraction = extraction.only(batch.articles["article_id"].to_list())
            arrivals = arrival_order(batch.articles)
            placed = stories.place(
                con, arrivals, extraction.mentions, extraction.events, settings.story_settings()
            )
            seconds["place"] += time.perf_counter() - t
            t = time.perf_counter()
            batch_ids = set(batch.articles["article_id"].to_list())
            stored = load.existing_article_ids(
                con, referenced_articles(extraction, placed.placements) - batch_ids
            )
            frames = validation_frames(
                batch.articles,
                batch.log,
                extraction,
                stored,
                stories=placed.stories,
                incidents=placed.incidents,
                story_articles=placed.placements,
            )
            outcome = validate(
                frames, today, owners(extraction, placed.placements), Path(tmp) / "docs"
            )
            failures.update(outcome.failures)
            batch = quarantine(batch, outcome.failures)
            seconds["validate"] += time.perf_counter() - t
            t = time.perf_counter()
            if outcome.failures:
                placed = stories.place(
                    con,
                    arrival_order(batch.articles),
                    extraction.mentions,
                    extraction.events,
                    settings.story_settings(),
                )
            load.load_batch(con, batch, extraction, "bench", datetime.now(), placed=placed)
            seconds["load"] += time.perf_counter() - t
        t = time.perf_counter()
        build_docs(Path(tmp) / "docs")
        seconds["validate"] += time.perf_counter() - t
        loaded = con.sql("SELECT count(*) FROM articles").fetchall()[0][0]
    total = sum(seconds.values())
    steps = " ".join(f"{k}={v:.1f}s" for k, v in seconds.items())
    print(f"articles={len(files)} loaded={loaded} quarantined={len(failures)} total={total:.1f}s")
    print(f"steps: {steps}")
    print(f"validation share of run time: {seconds['validate'] / total:.1%} (target < 10%)")
    for article_id, reasons in list(failures.items())[:5]:
        print(f"  quarantined {article_id}: {reasons[:2]}")


if __name__ == "__main__":
    main()
