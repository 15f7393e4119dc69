"""Loading extracted rows: repeated and overlapping batches count nothing twice."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
from spacy.language import Language

from tests.conftest import SEEDS
from transforms.extraction import extract
from transforms.intake import FileRead, Intake, intake
from warehouse import load
from warehouse.connection import connect

NOW = datetime(2024, 1, 1, 12, 0, 0)


def seeds_batch() -> Intake:
    files = [FileRead(str(p), 0, 0, "sha", p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    return intake(files, latest_date=date(2030, 1, 1), min_words=20)


def entity_counts(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    rows = con.sql("SELECT canonical_name, mention_count, article_count FROM entities").fetchall()
    return {name: (mentions, articles) for name, mentions, articles in rows}


def test_repeated_and_split_batches_give_the_same_counts(tmp_path: Path, nlp: Language) -> None:
    batch = seeds_batch()
    extraction = extract(nlp, batch.articles)

    whole = connect(tmp_path / "whole.duckdb")
    load.start_run(whole, "r", None, NOW)
    load.load_batch(whole, batch, extraction, "r", NOW)
    load.load_batch(whole, batch, extraction, "r", NOW.replace(second=1))

    split = connect(tmp_path / "split.duckdb")
    load.start_run(split, "r", None, NOW)
    for article_id in batch.articles["article_id"]:
        part = Intake(
            batch.articles.filter(batch.articles["article_id"] == article_id),
            batch.log.filter(batch.log["article_id"] == article_id),
        )
        load.load_batch(split, part, extraction.only([article_id]), "r", NOW)

    assert entity_counts(whole) == entity_counts(split)
    assert entity_counts(whole)["Jens Stoltenberg"][1] == 2
    for table in ("entity_mentions", "quotes", "events", "entity_aliases"):
        count = f"SELECT count(*) FROM {table}"
        assert whole.sql(count).fetchall() == split.sql(count).fetchall(), table
    mentions = whole.sql("SELECT count(*) FROM entity_mentions").fetchall()[0][0]
    assert mentions == extraction.mentions.height
    assert whole.sql("SELECT sum(mention_count) FROM entities").fetchall()[0][0] == mentions


def test_person_names_are_looked_up_by_the_batchs_lone_surnames(
    tmp_path: Path, nlp: Language
) -> None:
    batch = seeds_batch()
    con = connect(tmp_path / "w.duckdb")
    load.start_run(con, "r", None, NOW)
    load.load_batch(con, batch, extract(nlp, batch.articles), "r", NOW)
    assert load.person_names(con, {"Stoltenberg", "Nobody"}) == ["Jens Stoltenberg"]
    assert load.person_names(con, set()) == []
