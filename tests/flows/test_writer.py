"""The writer guard against a real Prefect API: a live writer keeps others
out, a killed one does not, and warehouses do not share a slot."""

from __future__ import annotations

from pathlib import Path

import pytest
from filelock import FileLock
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import (
    GlobalConcurrencyLimitCreate,
    GlobalConcurrencyLimitUpdate,
)

from flows.writer import WarehouseBusy, lock_path, slot_name, writer_slot

pytestmark = pytest.mark.usefixtures("prefect_harness")


def active_slots(name: str) -> int:
    with get_client(sync_client=True) as client:
        return client.read_global_concurrency_limit_by_name(name).active_slots


def test_a_slot_left_by_a_killed_run_is_handed_back(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    name = slot_name(db)
    with get_client(sync_client=True) as client:
        client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=1))
        # What a SIGKILLed holder leaves behind: the slot taken, nobody holding the lock.
        client.update_global_concurrency_limit(name, GlobalConcurrencyLimitUpdate(active_slots=1))
    with writer_slot(db, wait_seconds=5):
        assert active_slots(name) == 1
    assert active_slots(name) == 0


def test_a_live_writer_keeps_the_next_one_out(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    with (
        FileLock(lock_path(db)),
        pytest.raises(WarehouseBusy, match="another run"),
        writer_slot(db, wait_seconds=1),
    ):
        pytest.fail("entered while another writer held the warehouse")


def test_two_warehouses_write_at_once(tmp_path: Path) -> None:
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    assert slot_name(first) != slot_name(second)
    with writer_slot(first, wait_seconds=1), writer_slot(second, wait_seconds=1):
        assert active_slots(slot_name(first)) == active_slots(slot_name(second)) == 1
