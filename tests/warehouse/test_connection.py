"""A DuckDB file held by another process: wait with backoff, then name the holder."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from warehouse.connection import WarehouseLocked, connect, connect_read_only


@contextmanager
def held(db: Path, seconds: float) -> Iterator[subprocess.Popen[str]]:
    code = (
        "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
        "print('holding', flush=True); time.sleep(float(sys.argv[2]))"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        yield proc
    finally:
        proc.kill()
        proc.wait()


def test_a_held_file_is_waited_for(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    connect(db).close()
    with held(db, 1.5):
        start = time.monotonic()
        con = connect(db, lock_wait=30)
        assert time.monotonic() - start > 0.5
        con.close()


def test_a_file_held_too_long_names_its_holder(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    connect(db).close()
    with held(db, 30) as proc:
        with pytest.raises(WarehouseLocked, match=rf"held by .*\(PID {proc.pid}\); waited 1 s"):
            connect(db, lock_wait=1)
        with pytest.raises(WarehouseLocked, match=f"PID {proc.pid}"):
            connect_read_only(db)
