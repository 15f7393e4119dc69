"""Servers newsdesk starts listen on the loopback interface unless a person
says otherwise."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_prefect_server_the_makefile_starts_binds_to_loopback() -> None:
    for target in ("ui", "watch"):
        planned = subprocess.run(
            ["make", "-n", "-C", str(ROOT), target], capture_output=True, text=True, check=True
        ).stdout
        starts = re.findall(r"prefect server start[^\n;&]*", planned)
        assert starts, target
        assert all("--host 127.0.0.1" in start for start in starts), starts


def test_prefects_own_default_host_is_loopback() -> None:
    from prefect.settings import get_current_settings

    assert get_current_settings().server.api.host == "127.0.0.1"
