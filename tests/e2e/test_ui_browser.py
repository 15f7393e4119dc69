"""A person opening the Prefect UI sees the run: headless Chromium renders the
flow run's page from a real local server; the page shows the run's name and a
screenshot is kept next to the test's files."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS
from tests.e2e.servers import BIN, prefect_server, server_env

pytestmark = pytest.mark.e2e

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def render(url: str, profile: Path, screenshot: Path) -> str:
    """The page's DOM after its scripts ran, and a screenshot of it."""
    assert CHROMIUM is not None
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1400,1000",
        "--virtual-time-budget=20000",
    ]
    subprocess.run(
        [CHROMIUM, *flags, f"--screenshot={screenshot}", url],
        check=True,
        capture_output=True,
        timeout=180,
    )
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", url], check=True, capture_output=True, timeout=180
    )
    return dom.stdout.decode("utf-8", errors="replace")


def test_flow_run_page_renders_the_run(tmp_path: Path) -> None:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed here (.ci/run installs it)")
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    db = tmp_path / "w.duckdb"
    with prefect_server(tmp_path / "prefect", ui=True) as api:
        env = {
            **server_env(tmp_path / "prefect"),
            "PREFECT_API_URL": api,
            "NEWSDESK_DATA_DOCS": str(tmp_path / "docs"),
        }
        args = [str(BIN / "newsdesk"), "run", "--inbox", str(inbox), "--db", str(db)]
        subprocess.run(args, env=env, check=True, capture_output=True, timeout=300)
        con = duckdb.connect(str(db), read_only=True)
        [(flow_run_id,)] = con.sql("SELECT flow_run_id FROM runs").fetchall()
        con.close()
        import httpx

        name = httpx.get(f"{api}/flow_runs/{flow_run_id}", timeout=10).json()["name"]
        ui = api.removesuffix("/api")
        screenshot = tmp_path / "flow-run.png"
        dom = render(f"{ui}/runs/flow-run/{flow_run_id}", tmp_path / "chromium", screenshot)
    assert screenshot.exists() and screenshot.stat().st_size > 10_000
    assert name in dom, dom[-2000:]
