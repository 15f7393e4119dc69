"""SIGKILL `newsdesk run` at random moments (while it extracts, while it loads,
at any time), again and again, with new files arriving between runs. After
every kill the warehouse is consistent; after a last run every file is
recorded once, every article loaded once, and every table holds exactly what
one uninterrupted run over the same inbox produces."""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import SEEDS
from tests.reliability.inbox_cases import CASES, table_rows
from warehouse.check import violations

pytestmark = pytest.mark.e2e

KILLS = ("extraction",) * 4 + ("load",) * 4 + ("any time",) * 2
FILES_PER_CYCLE = 5
BAD_PER_CYCLE = ("empty.txt", "bad-date.txt", "image.txt", "short.txt")
NEWSDESK = Path(sys.executable).with_name("newsdesk")
TRIGGERS = {
    "extraction": re.compile(r"Task run 'parse files-\w+' - Finished"),
    "load": re.compile(r"Task run 'validate with Great Expectations-\w+' - Finished"),
}
RUN_COLUMNS = {"ingested_at", "run_id", "seen_at"}
COMPARED = (
    "articles",
    "ingest_log",
    "entity_mentions",
    "entities",
    "entity_aliases",
    "quotes",
    "events",
    "stories",
    "incidents",
    "story_articles",
    "article_terms",
    "file_touches",
)


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2} (Islam Times - )?", "", text)
        paragraphs += [p.strip() for p in text.split("\n\n") if len(p.split()) > 12]
    return paragraphs


def articles(count: int) -> Iterator[str]:
    """Distinct article files cut from the seeds' paragraphs (windows of two to
    four paragraphs), so runs have real text to extract and place."""
    paragraphs = seed_paragraphs()
    made = 0
    for width in (3, 2, 4, 5, 6):
        for start in range(len(paragraphs) - width + 1):
            day = 10 + made % 15
            body = "\n\n".join(paragraphs[start : start + width])
            yield f"date 2023-02-{day:02d} Outlet {made % 4} - {body}\n"
            made += 1
            if made == count:
                return


@dataclass
class Kill:
    moment: str
    after_s: float
    last_line: str


def env(root: Path) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "NEWSDESK_"))}
    return {
        **keep,
        "PREFECT_HOME": str(root / "prefect"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "NEWSDESK_DATA_DOCS": str(root / "docs"),
        "NEWSDESK_CHUNK_SIZE": "2",
    }


def start(inbox: Path, db: Path, root: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(NEWSDESK), "run", "--inbox", str(inbox), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env(root),
        start_new_session=True,
    )


def reap(proc: subprocess.Popen[str]) -> None:
    """The Prefect API and spaCy workers a killed run started outlive it."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def run_and_kill(inbox: Path, db: Path, root: Path, moment: str, rng: random.Random) -> Kill:
    """Kill the run process itself (not its helpers) once the moment comes;
    a run that ends first is not a kill, and the caller tries again."""
    proc = start(inbox, db, root)
    lines: list[str] = []
    seen = threading.Event()
    want = rng.randint(1, 2)
    pattern = TRIGGERS.get(moment)

    def read() -> None:
        assert proc.stdout is not None
        hits = 0
        for line in proc.stdout:
            lines.append(line.rstrip())
            if pattern is not None and pattern.search(line):
                hits += 1
                if hits == want:
                    seen.set()

    reader = threading.Thread(target=read, daemon=True)
    began = time.monotonic()
    reader.start()
    if pattern is None:
        seen.wait(rng.uniform(3.0, 25.0))
    else:
        while not seen.wait(0.05) and proc.poll() is None:
            pass
        time.sleep(rng.uniform(0.0, 0.25 if moment == "load" else 1.5))
    after = time.monotonic() - began
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reap(proc)
    reader.join(timeout=10)
    if not killed:
        assert proc.returncode == 0, "\n".join(lines[-20:])
    return Kill(moment if killed else "finished first", after, lines[-1] if lines else "")


def finish(inbox: Path, db: Path, root: Path) -> None:
    proc = start(inbox, db, root)
    out, _ = proc.communicate(timeout=600)
    reap(proc)
    assert proc.returncode == 0, out[-3000:]


def consistent(db: Path) -> list[str]:
    if not db.exists():  # killed before it created the warehouse
        return []
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [str(v) for v in violations(con)]
    finally:
        con.close()


def contents(db: Path) -> dict[str, Any]:
    """Every compared table without the columns that name a run or a time."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        found = {}
        for table in COMPARED:
            columns = [
                c
                for (c,) in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [table]
                ).fetchall()
                if c not in RUN_COLUMNS
            ]
            query = f"SELECT {', '.join(columns)} FROM {table}"
            found[table] = sorted(con.sql(query).fetchall(), key=repr)
        return found
    finally:
        con.close()


def test_runs_killed_at_random_moments_lose_nothing_and_load_nothing_twice(
    tmp_path: Path,
) -> None:
    seed = int(os.environ.get("NEWSDESK_KILL_SEED", time.time_ns() % 100_000))
    rng = random.Random(seed)
    inbox, db = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    bodies = articles(FILES_PER_CYCLE * (len(KILLS) + 4))
    moments = list(KILLS)
    rng.shuffle(moments)
    kills: list[Kill] = []
    cycle = 0
    while moments:
        for n in range(FILES_PER_CYCLE):
            (inbox / f"c{cycle:02d}_{n}.txt").write_text(next(bodies), encoding="utf-8")
        bad = BAD_PER_CYCLE[cycle % len(BAD_PER_CYCLE)]
        (inbox / f"c{cycle:02d}_{bad}").write_bytes(CASES[bad].raw)
        if cycle == 0:
            for seed_file in SEEDS.glob("*.txt"):
                shutil.copy(seed_file, inbox / seed_file.name)
            shutil.copy(SEEDS / "000_9e2ded5d912a6a0c.txt", inbox / "c00_copy of a seed.txt")
        kill = run_and_kill(inbox, db, tmp_path, moments[0], rng)
        kills.append(kill)
        if kill.moment != "finished first":
            moments.pop(0)
        assert consistent(db) == [], (seed, kills)
        cycle += 1
        assert cycle < len(KILLS) + 4, f"runs kept finishing before the kill (seed {seed})"
    finish(inbox, db, tmp_path)
    report = "\n".join(f"{k.moment:>14} at {k.after_s:5.1f} s  {k.last_line[:90]}" for k in kills)
    print(f"kill seed {seed}\n{report}")

    assert consistent(db) == []
    per_file = table_rows(db, ("ingest_log",))["ingest_log"]
    paths = [row[0] for row in per_file]
    assert len(paths) == len(set(paths)) == len(list(inbox.iterdir())), "each file recorded once"
    with duckdb.connect(str(db), read_only=True) as con:
        loaded = con.sql("SELECT count(*) FROM ingest_log WHERE status = 'loaded'").fetchone()
        stored = con.sql("SELECT count(*) FROM articles").fetchone()
        interrupted = con.sql("SELECT count(*) FROM runs WHERE status = 'interrupted'").fetchone()
    assert loaded == stored, "every loaded file has its one article"
    # A kill before the run recorded itself leaves no row to mark.
    after_start = sum(1 for k in kills if k.moment in TRIGGERS)
    assert interrupted is not None and after_start <= interrupted[0] <= len(KILLS)

    reference = tmp_path / "reference.duckdb"
    finish(inbox, reference, tmp_path)
    assert contents(db) == contents(reference), f"kill seed {seed}\n{report}"
