"""One writer at a time.

Two guards, for two audiences. A file lock beside the DuckDB file is the one
that keeps runs apart: the kernel drops it the moment its process dies, so a
run killed with SIGKILL (an OOM kill, a reboot) never blocks the next one. A
strict Prefect global concurrency slot shows the writer in the Prefect UI and
keeps runs started through one Prefect API in line; a slot a killed run left
behind is only ever seen by a run that already holds the file lock, which
proves its holder is gone, so that run hands the slot back and goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import (
    GlobalConcurrencyLimitCreate,
    GlobalConcurrencyLimitUpdate,
)
from prefect.client.schemas.responses import GlobalConcurrencyLimitResponse
from prefect.concurrency.sync import concurrency
from prefect.exceptions import ObjectNotFound
from prefect.logging import get_logger

WRITER_SLOT = "duckdb-writer"
STALE_SLOT_WAIT = 5.0
LEASE_SECONDS = 60.0


class WarehouseBusy(RuntimeError):
    """Another run held the warehouse for longer than this run would wait."""


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def _writer_limit() -> GlobalConcurrencyLimitResponse:
    """The one-slot limit, created if this Prefect API has never seen it."""
    with get_client(sync_client=True) as client:
        try:
            return client.read_global_concurrency_limit_by_name(WRITER_SLOT)
        except ObjectNotFound:
            client.create_global_concurrency_limit(
                GlobalConcurrencyLimitCreate(name=WRITER_SLOT, limit=1)
            )
            return client.read_global_concurrency_limit_by_name(WRITER_SLOT)


@contextmanager
def _prefect_slot() -> Iterator[None]:
    """Called with the file lock held: an occupied slot then belongs to a run
    that died (the ephemeral API keeps leases in memory, so no server ever
    expires it), or to a run on another warehouse file through the same API."""
    limit = _writer_limit()
    if limit.active_slots >= limit.limit:
        get_logger("newsdesk.writer").warning(
            "concurrency slot '%s' is held, but not by a live writer of this warehouse "
            "(a run was killed?); releasing it",
            WRITER_SLOT,
        )
        with get_client(sync_client=True) as client:
            client.update_global_concurrency_limit(
                WRITER_SLOT, GlobalConcurrencyLimitUpdate(active_slots=0)
            )
    with concurrency(
        WRITER_SLOT,
        occupy=1,
        timeout_seconds=STALE_SLOT_WAIT,
        lease_duration=LEASE_SECONDS,
        strict=True,
    ):
        yield


@contextmanager
def writer_slot(db: Path, wait_seconds: float) -> Iterator[None]:
    db.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path(db))
    try:
        lock.acquire(timeout=wait_seconds, poll_interval=0.5)
    except Timeout as exc:
        raise WarehouseBusy(
            f"another run has been writing the warehouse for over {wait_seconds:.0f} s "
            f"(it holds {lock_path(db)}); this run stopped without touching it"
        ) from exc
    try:
        with _prefect_slot():
            yield
    finally:
        lock.release()
