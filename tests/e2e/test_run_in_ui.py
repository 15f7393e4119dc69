"""What a person sees of a run in the Prefect UI: its name and its artifacts."""

from __future__ import annotations

import shutil
from pathlib import Path
from uuid import UUID

import httpx
import pytest
from prefect.client.orchestration import get_client
from prefect.settings import PREFECT_API_URL

from flows.artifacts import PROBLEMS_KEY, SUMMARY_KEY
from newsdesk.settings import Settings
from tests.conftest import SEEDS

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]


def test_run_is_named_and_publishes_summary_and_problem_table(tmp_path: Path) -> None:
    from flows.news_pipeline import news_pipeline

    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    (inbox / "empty.txt").write_bytes(b"")
    settings = Settings(inbox=inbox, db=tmp_path / "w.duckdb", data_docs=tmp_path / "docs")
    summary = news_pipeline(settings=settings)

    flow_run_id = UUID(str(summary["flow_run_id"]))
    with get_client(sync_client=True) as client:
        flow_run = client.read_flow_run(flow_run_id)
    # The filter endpoint read directly: this Prefect's clients send null for the
    # filters they omit, which its API refuses.
    response = httpx.post(
        f"{PREFECT_API_URL.value()}/artifacts/filter",
        json={"artifacts": {"flow_run_id": {"any_": [str(flow_run_id)]}}},
        timeout=30,
    )
    response.raise_for_status()
    artifacts = response.json()
    assert flow_run.name.startswith("news ") and flow_run.name.endswith("· 3 new file(s)")
    by_key = {a["key"]: a for a in artifacts}
    assert by_key[SUMMARY_KEY]["type"] == "markdown"
    markdown = str(by_key[SUMMARY_KEY]["data"])
    assert "| Loaded | 2 |" in markdown and "| Rejected | 1 |" in markdown
    assert "| Validation | passed |" in markdown and str(tmp_path / "docs") in markdown
    assert by_key[PROBLEMS_KEY]["type"] == "table"
    assert "empty.txt" in str(by_key[PROBLEMS_KEY]["data"])
