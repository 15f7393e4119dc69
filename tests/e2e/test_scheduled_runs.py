"""`newsdesk serve` against a real local Prefect server: a scheduled run
completes and shows its artifacts; everything started is stopped by PID."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from flows.artifacts import PROBLEMS_KEY, SUMMARY_KEY
from flows.deployment import DEPLOYMENT
from tests.conftest import SEEDS
from tests.e2e.servers import BIN, prefect_server, process, server_env

pytestmark = pytest.mark.e2e


def completed_runs(api: str) -> list[dict[str, Any]]:
    response = httpx.post(
        f"{api}/flow_runs/filter",
        json={
            "deployments": {"name": {"any_": [DEPLOYMENT]}},
            "flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}},
        },
        timeout=10,
    )
    response.raise_for_status()
    runs: list[dict[str, Any]] = response.json()
    return runs


def artifacts_of(api: str, flow_run_id: str) -> dict[str, dict[str, Any]]:
    response = httpx.post(
        f"{api}/artifacts/filter",
        json={"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}},
        timeout=10,
    )
    response.raise_for_status()
    return {a["key"]: a for a in response.json()}


def test_served_deployment_runs_on_schedule_with_artifacts(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    with prefect_server(tmp_path / "prefect") as api:
        env = {
            **server_env(tmp_path / "prefect"),
            "PREFECT_API_URL": api,
            "PREFECT_RUNNER_POLL_FREQUENCY": "2",
            "NEWSDESK_DATA_DOCS": str(tmp_path / "docs"),
        }
        args = [
            str(BIN / "newsdesk"), "serve", "--interval", "20",
            "--inbox", str(inbox), "--db", str(tmp_path / "w.duckdb"),
        ]  # fmt: skip
        with process(args, env, tmp_path / "serve.log") as serving:
            deadline = time.monotonic() + 240
            runs: list[dict[str, Any]] = []
            while not runs and time.monotonic() < deadline and serving.poll() is None:
                time.sleep(3)
                runs = completed_runs(api)
            log = (tmp_path / "serve.log").read_text()
            assert runs, f"no scheduled run completed; serve log:\n{log[-4000:]}"
            run = runs[0]
            artifacts = artifacts_of(api, run["id"])
            assert artifacts[SUMMARY_KEY]["type"] == "markdown"
            assert artifacts[PROBLEMS_KEY]["type"] == "table"
            assert "new file(s)" in run["name"]
