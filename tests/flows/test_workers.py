"""Extraction fanned out to spawned worker processes gives what one process gives."""

from __future__ import annotations

import time
from datetime import date

import psutil
import pytest
from spacy.language import Language

from flows.workers import analyser
from newsdesk.settings import Settings
from tests.conftest import SEEDS
from transforms.extraction import analyse, analysis_rows, assemble
from transforms.intake import FileRead, intake
from transforms.nlp import model_version, package_version


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    files = [FileRead(p.name, 0, 0, None, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    articles = intake(files, latest_date=date(2026, 11, 22), min_words=20).articles
    return analysis_rows(articles) * 3


def test_workers_return_the_rows_one_process_extracts(
    rows: list[dict[str, object]], nlp: Language
) -> None:
    settings = Settings()
    with analyser(settings.model, settings.batch_size, 2) as pooled:
        assert pooled.pool is not None
        fanned_out = assemble(pooled(rows))
    alone = assemble(analyse(nlp, rows, settings.batch_size))
    assert fanned_out.mentions.height > 0
    for table in ("mentions", "entities", "aliases", "quotes", "events"):
        assert getattr(fanned_out, table).equals(getattr(alone, table)), table


def test_one_process_needs_no_pool_and_the_version_needs_no_model(nlp: Language) -> None:
    settings = Settings()
    with analyser(settings.model, settings.batch_size, 1) as single:
        assert single.pool is None
    assert package_version(settings.model) == model_version(nlp)


def test_an_analyser_sent_elsewhere_leaves_its_pool_behind() -> None:
    import pickle

    settings = Settings()
    with analyser(settings.model, settings.batch_size, 2) as pooled:
        copy = pickle.loads(pickle.dumps(pooled))
    assert (copy.model, copy.batch_size, copy.pool) == (settings.model, settings.batch_size, None)


def test_workers_start_when_the_pool_opens_not_when_work_arrives() -> None:
    """Their model then loads while the flow parses its first chunk."""

    def workers() -> int:
        found = 0
        for child in psutil.Process().children():
            try:
                found += "spawn_main" in " ".join(child.cmdline())
            except psutil.Error:  # gone between listing and reading
                continue
        return found

    settings = Settings()
    before = workers()
    with analyser(settings.model, settings.batch_size, 2):
        deadline = time.monotonic() + 30
        while workers() < before + 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert workers() == before + 2
