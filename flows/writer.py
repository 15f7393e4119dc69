"""One writer at a time: a strict Prefect global concurrency slot around every
run that writes the warehouse, so a scheduled run and a run started by hand
against the same Prefect API never write at once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
from prefect.concurrency._asyncio import AcquireConcurrencySlotTimeoutError
from prefect.concurrency.sync import concurrency
from prefect.exceptions import ObjectNotFound

WRITER_SLOT = "duckdb-writer"


class WarehouseBusy(RuntimeError):
    """Another run held the writer slot for longer than this run would wait."""


def ensure_writer_limit() -> None:
    """Create the one-slot limit if this Prefect API has never seen it."""
    with get_client(sync_client=True) as client:
        try:
            client.read_global_concurrency_limit_by_name(WRITER_SLOT)
        except ObjectNotFound:
            client.create_global_concurrency_limit(
                GlobalConcurrencyLimitCreate(name=WRITER_SLOT, limit=1)
            )


@contextmanager
def writer_slot(wait_seconds: float) -> Iterator[None]:
    ensure_writer_limit()
    try:
        with concurrency(WRITER_SLOT, occupy=1, timeout_seconds=wait_seconds, strict=True):
            yield
    except AcquireConcurrencySlotTimeoutError as exc:
        raise WarehouseBusy(
            f"another run has been writing the warehouse for over {wait_seconds:.0f} s "
            f"(concurrency slot '{WRITER_SLOT}'); this run stopped without touching it"
        ) from exc
