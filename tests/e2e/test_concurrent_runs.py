"""Two runs started at once on one warehouse: one writes, the other stops with
a message saying why, and nothing is written twice."""

from __future__ import annotations

import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS
from tests.e2e.servers import BIN, prefect_server, server_env

pytestmark = pytest.mark.e2e

ARTICLES = 100


def make_inbox(root: Path) -> Path:
    """Distinct articles (a numbered closing paragraph each), enough for a run
    to hold the warehouse for several seconds."""
    root.mkdir()
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for n in range(ARTICLES):
        body = seeds[n % len(seeds)] + f"\n\nThis is copy number {n} of the report."
        (root / f"article-{n:03d}.txt").write_text(body, encoding="utf-8")
    return root


def test_two_runs_at_once_one_writes_the_other_stops(tmp_path: Path) -> None:
    inbox = make_inbox(tmp_path / "inbox")
    db = tmp_path / "w.duckdb"
    with prefect_server(tmp_path / "prefect") as api:
        env = {
            **server_env(tmp_path / "prefect"),
            "PREFECT_API_URL": api,
            "NEWSDESK_WRITER_WAIT": "2",
            "NEWSDESK_DATA_DOCS": str(tmp_path / "docs"),
        }
        args = [str(BIN / "newsdesk"), "run", "--inbox", str(inbox), "--db", str(db)]
        procs = [
            subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        results = [p.communicate(timeout=600) for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert codes == [0, 1], results
    loser = next(err for p, (_, err) in zip(procs, results, strict=True) if p.returncode)
    assert b"another run has been writing the warehouse" in loser

    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.sql("SELECT count(*) FROM runs").fetchall() == [(1,)]
        assert con.sql("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchall() == [
            (ARTICLES, ARTICLES)
        ]
        assert con.sql("SELECT count(*), count(DISTINCT file_path) FROM ingest_log").fetchall() == [
            (ARTICLES, ARTICLES)
        ]
        assert con.sql(
            "SELECT count(*) = count(DISTINCT mention_id) FROM entity_mentions"
        ).fetchall() == [(True,)]
    finally:
        con.close()
