"""Validation's share of a run: the run's steps (parse, extract, validate, load),
chunked as the flow chunks them, over N corpus articles, each step timed.
The Great Expectations import is counted once, inside validation; Data Docs are
built for every chunk, as in a run. Also reports whether the corpus passes
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
from expectations.frames import owners, validation_frames
from expectations.validate import validate
from newsdesk.settings import Settings
from transforms.extraction import extract
from transforms.intake import FileRead, intake, quarantine
from transforms.nlp import load_nlp
from warehouse import load
from warehouse.connection import connect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args()
    settings = Settings(n_process=args.n_process)
    nlp = load_nlp(settings.model)
    today = date.today()
    files = [
        FileRead(name, len(raw), 0, None, raw)
        for name, raw in itertools.islice(corpus_files(), args.articles)
    ]
    seconds: defaultdict[str, float] = defaultdict(float)
    failures: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "bench.duckdb")
        load.start_run(con, "bench", None, datetime.now())
        for start in range(0, len(files), settings.chunk_size):
            chunk = files[start : start + settings.chunk_size]
            t = time.perf_counter()
            batch = intake(chunk, latest_date=today, min_words=settings.min_words)
            seconds["parse"] += time.perf_counter() - t
            t = time.perf_counter()
            extraction = extract(
                nlp, batch.articles, batch_size=settings.batch_size, n_process=settings.n_process
            )
            seconds["extract"] += time.perf_counter() - t
            t = time.perf_counter()
            frames = validation_frames(batch.articles, batch.log, extraction)
            outcome = validate(frames, today, owners(extraction), Path(tmp) / "docs")
            failures.update(outcome.failures)
            batch = quarantine(batch, outcome.failures)
            seconds["validate"] += time.perf_counter() - t
            t = time.perf_counter()
            load.load_batch(con, batch, extraction, "bench", datetime.now())
            seconds["load"] += time.perf_counter() - t
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
