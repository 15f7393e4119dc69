"""Shared fixtures. Prefect's state for the whole session lives in a temp dir,
set before anything imports prefect."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="newsdesk-prefect-"))
os.environ["PREFECT_HOME"] = str(_PREFECT_HOME)
os.environ["PREFECT_RESULTS_LOCAL_STORAGE_PATH"] = str(_PREFECT_HOME / "results")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_LOGGING_EXTRA_LOGGERS"] = "great_expectations"
os.environ["PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW"] = "ignore"
os.environ.pop("PREFECT_API_URL", None)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def pytest_unconfigure(config: pytest.Config) -> None:
    """The session's Prefect home goes with the session, not left in /tmp."""
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real spaCy pipeline the settings name (loaded once per session)."""
    from newsdesk.settings import Settings
    from transforms.nlp import load_nlp

    return load_nlp(Settings().model)


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One Prefect test API for the session: it takes ~25 s to start."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield
