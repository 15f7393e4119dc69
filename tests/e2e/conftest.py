"""One seeds warehouse for the tests that only read it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsdesk.settings import Settings
from tests.conftest import SEEDS


@pytest.fixture(scope="session")
def seeds_warehouse(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> Path:
    """The two seed articles through the real flow; tests must not write to it."""
    from flows.news_pipeline import news_pipeline

    root = tmp_path_factory.mktemp("seeds-warehouse")
    inbox = root / "inbox"
    shutil.copytree(SEEDS, inbox)
    settings = Settings(inbox=inbox, db=root / "w.duckdb", data_docs=root / "docs")
    summary = news_pipeline(settings=settings)
    assert (summary["loaded"], summary["quarantined"], summary["violations"]) == (2, 0, [])
    return settings.db
