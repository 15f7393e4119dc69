"""One writer at a time.

Two guards, for two audiences. A file lock beside the DuckDB file is the one
that keeps runs apart: the kernel drops it the moment its process dies, so a
run killed with SIGKILL (an OOM kill, a reboot) never blocks the next one. A
strict Prefect global concurrency slot per warehouse file shows the writer in
the Prefect UI; a slot a killed run left behind is only ever seen by a run that
already holds that file's lock, which proves its holder is gone, so that run
hands the slot back and goes on.
"""

from __future__ import annotations

import hashlib
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
from prefect.concurrency._asyncio import AcquireConcurrencySlotTimeoutError
from prefect.concurrency.sync import concurrency
from prefect.exceptions import ObjectNotFound
from prefect.logging import get_logger

SLOT_PREFIX = "duckdb-writer"
STALE_SLOT_WAIT = 5.0
LEASE_SECONDS = 60.0


class WarehouseBusy(RuntimeError):
    """Another run held the warehouse for longer than this run would wait."""


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def slot_name(db: Path) -> str:
    """One slot per warehouse file: holding this file's lock then proves that
    whoever holds its slot is gone, and runs on other warehouses are untouched."""
    digest = hashlib.sha256(str(db.resolve()).encode()).hexdigest()[:8]
    return f"{SLOT_PREFIX}-{db.stem}-{digest}"


def _writer_limit(name: str) -> GlobalConcurrencyLimitResponse:
    """The one-slot limit, created if this Prefect API has never seen it."""
    with get_client(sync_client=True) as client:
        try:
            return client.read_global_concurrency_limit_by_name(name)
        except ObjectNotFound:
            client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=1))
            return client.read_global_concurrency_limit_by_name(name)


@contextmanager
def _prefect_slot(name: str) -> Iterator[None]:
    """Called with the file lock held, so an occupied slot belongs to a run
    that died (the ephemeral API keeps leases in memory, so no server ever
    expires them)."""
    limit = _writer_limit(name)
    if limit.active_slots >= limit.limit:
        get_logger("newsdesk.writer").warning(
            "concurrency slot '%s' is held, but not by a live writer of this warehouse "
            "(a run was killed?); releasing it",
            name,
        )
        with get_client(sync_client=True) as client:
            client.update_global_concurrency_limit(
                name, GlobalConcurrencyLimitUpdate(active_slots=0)
            )
    with concurrency(
        name,
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
        with _prefect_slot(slot_name(db)):
            yield
    except AcquireConcurrencySlotTimeoutError as exc:
        raise WarehouseBusy(
            f"another run has been writing the warehouse (concurrency slot {slot_name(db)} "
            "stayed taken); this run stopped without touching it"
        ) from exc
    finally:
        lock.release()
