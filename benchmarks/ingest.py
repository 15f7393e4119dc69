"""Ingest-only throughput: bytes → article records (decode, header, normalise,
language) over the real corpus, without spaCy. Prints articles/s and MB/s.

    .venv/bin/python -m benchmarks.ingest
"""

from __future__ import annotations

import time
from datetime import date

from benchmarks.corpus import corpus_files
from transforms.intake import FileRead, intake


def main() -> None:
    files = [FileRead(name, len(raw), 0, None, raw) for name, raw in corpus_files()]
    megabytes = sum(f.size_bytes for f in files) / 1e6
    intake(files[:50], latest_date=date.today(), min_words=20)  # warm the stop-word caches
    start = time.perf_counter()
    batch = intake(files, latest_date=date.today(), min_words=20)
    seconds = time.perf_counter() - start
    states = dict(batch.log.group_by("status").len().iter_rows())
    print(f"files={len(files)} MB={megabytes:.1f} seconds={seconds:.2f}")
    print(f"articles/s={len(files) / seconds:,.0f} MB/s={megabytes / seconds:.1f} states={states}")


if __name__ == "__main__":
    main()
