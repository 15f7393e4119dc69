"""The locked Prefect (3.8.8 with fastapi<0.155, sqlalchemy<2.1) starts a real
server: the pins exist for this, so a test proves it on every CI run."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.e2e.servers import prefect_server

pytestmark = pytest.mark.e2e


def test_local_prefect_server_starts_and_answers(tmp_path: Path) -> None:
    with prefect_server(tmp_path / "prefect") as api:
        assert httpx.get(f"{api}/health", timeout=5).json() is True
        version = httpx.get(f"{api}/admin/version", timeout=5).json()
        assert version.startswith("3.8.")
