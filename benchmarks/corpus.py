"""Access to the shared benchmark corpus (../shared/corpus/news.tar.gz), streamed
from the tarball or unpacked into a temporary inbox."""

from __future__ import annotations

import tarfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import polars as pl

from transforms.intake import FileRead, intake

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus" / "news.tar.gz"


def corpus_files() -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every article file in the corpus tarball, in order."""
    with tarfile.open(CORPUS, "r:gz") as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".txt"):
                handle = tar.extractfile(member)
                if handle is not None:
                    yield Path(member.name).name, handle.read()


def unpack(target: Path, copies: int = 1) -> int:
    """Write the corpus into `target`, `copies` times with distinct bodies (a copy
    number is appended to each body) so replicated articles are not duplicates."""
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, raw in corpus_files():
        for copy in range(copies):
            body = raw if copy == 0 else raw + f"\n\n(Copy {copy}.)".encode()
            (target / f"{copy:03d}_{name}").write_bytes(body)
            count += 1
    return count


def corpus_articles(latest_date: date, min_words: int = 20) -> pl.DataFrame:
    """The corpus as the pipeline's article rows (decoded, parsed, language set)."""
    files = [FileRead(name, len(raw), 0, None, raw) for name, raw in corpus_files()]
    return intake(files, latest_date=latest_date, min_words=min_words).articles
