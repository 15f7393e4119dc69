"""Extraction across processes: a pool of spaCy workers that live for a whole
run, each with the model loaded once, each parsing and applying the rules to
its share of a chunk and returning plain rows.

Why not `nlp.pipe(n_process=N)`: that starts new workers for every call (every
chunk), ships every parsed `Doc` back to the main process and leaves the rules
to run there, one core doing serially what the workers did in parallel.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.language import Language

from transforms.extraction import DocResult, Row, analyse
from transforms.nlp import load_nlp

SLICES_PER_WORKER = 4
_worker_nlp: Language | None = None


def _start_worker(model: str) -> None:
    global _worker_nlp
    _worker_nlp = load_nlp(model)


def _started() -> None:
    """Nothing: submitted once per worker so that each starts, and loads the
    model, as soon as the pool opens."""


def _analyse_in_worker(rows: list[Row], batch_size: int) -> list[DocResult]:
    assert _worker_nlp is not None, "worker started without a model"
    return analyse(_worker_nlp, rows, batch_size)


@dataclass(frozen=True)
class Analyser:
    """Runs `analyse` over rows in the pool (or in this process when there is none)."""

    model: str
    batch_size: int
    workers: int = 1
    pool: ProcessPoolExecutor | None = None

    def __reduce__(self) -> tuple[type[Analyser], tuple[str, int]]:
        """Shipped to another machine (a Dask worker), it analyses in that
        worker's own process: a pool belongs to the process that started it."""
        return (Analyser, (self.model, self.batch_size))

    def __call__(self, rows: list[Row]) -> list[DocResult]:
        """Rows go out in a few slices per worker, so a slice of long articles
        does not leave the other workers idle; results come back in order."""
        if self.pool is None or len(rows) < 2:
            return analyse(load_nlp(self.model), rows, self.batch_size)
        share = max(1, -(-len(rows) // (SLICES_PER_WORKER * self.workers)))
        slices = [rows[i : i + share] for i in range(0, len(rows), share)]
        futures = [self.pool.submit(_analyse_in_worker, s, self.batch_size) for s in slices]
        return [result for future in futures for result in future.result()]


@contextmanager
def analyser(model: str, batch_size: int, n_process: int) -> Iterator[Analyser]:
    """Workers are spawned (not forked: the flow runs threads) and stopped on
    exit. A pool starts its workers only when work arrives; these are started
    at once, so their model loads while the flow reads and parses its first
    chunk instead of after it (a run that fails before any work waits for
    those loads to finish before it exits)."""
    if n_process <= 1:
        yield Analyser(model, batch_size)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        n_process, mp_context=context, initializer=_start_worker, initargs=(model,)
    ) as pool:
        for _ in range(n_process):
            pool.submit(_started)
        yield Analyser(model, batch_size, n_process, pool)
