"""What the extraction rules cost beyond spaCy, in one process and one
invocation: the same English corpus articles through bare `nlp.pipe` and
through `transforms.extraction.analyse` (the same pipe plus every rule),
alternated so drift on a shared machine hits both.

    python -m benchmarks.rules_cost --articles 300 --rounds 2
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from datetime import date

from benchmarks.corpus import corpus_articles
from newsdesk.settings import Settings
from transforms.extraction import analyse, analysis_rows
from transforms.nlp import load_nlp


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    settings = Settings()
    articles = corpus_articles(date.today(), settings.min_words)
    rows = analysis_rows(articles)[: args.articles]
    texts = [str(r["body"]) for r in rows]
    nlp = load_nlp(settings.model)
    bare: list[float] = []
    full: list[float] = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        bare.append(time.perf_counter() - started)
        started = time.perf_counter()
        analyse(nlp, rows, settings.batch_size)
        full.append(time.perf_counter() - started)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(rows)} English articles, {words:,} words, one process, {args.rounds} round(s)")
    print(f"bare nlp.pipe:          {min(bare):6.1f} s (best of {bare})")
    print(f"pipe + rules (analyse): {min(full):6.1f} s (best of {full})")
    print(f"rules' share of analyse: {1 - min(bare) / min(full):.1%}")


if __name__ == "__main__":
    main()
