"""An inbox of good files mixed with every kind of bad one, each with the state
and reason README's "What happens to a bad file" promises; the warehouse
readers the reliability and ingest tests share."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from tests.conftest import SEEDS

FIRST_SEED = "000_9e2ded5d912a6a0c.txt"


def english(topic: str) -> str:
    """A distinct English body per file, long enough to load."""
    return (
        f"The defence ministers of the alliance met in Brussels on Tuesday to talk about {topic}. "
        "They said that their support for Ukraine would continue for as long as it takes, "
        "and that the production of ammunition has to grow in the coming months."
    )


GERMAN = (
    "Die Verteidigungsminister der Allianz trafen sich am Dienstag in Brüssel. Sie sagten, "
    "dass die Unterstützung für die Ukraine so lange wie nötig fortgesetzt werde und dass "
    "die Produktion von Munition in den kommenden Monaten wachsen müsse."
)


@dataclass(frozen=True)
class Case:
    raw: bytes
    status: str
    reason: str | None  # the start of `ingest_log.reason`; None: no reason


CASES: dict[str, Case] = {
    "empty.txt": Case(b"", "rejected", "empty: the file has no bytes"),
    "blank.txt": Case(b" \n\n\t \r\n", "rejected", "whitespace only"),
    "image.txt": Case(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "rejected", "binary"),
    "no date.txt": Case(english("dates").encode(), "rejected", "no date"),
    "bad-date.txt": Case(
        f"date 2023-02-30 {english('February')}".encode(),
        "rejected",
        "impossible date 2023-02-30",
    ),
    "future.txt": Case(
        f"date 2999-01-01 {english('the future')}".encode(),
        "rejected",
        "future date 2999-01-01",
    ),
    "header only.txt": Case(b"date 2023-02-14 Reuters - \n\n", "rejected", "header only"),
    "short.txt": Case(b"date 2023-02-14 Too short to be news.", "rejected", "too short"),
    "latin.txt": Case(
        b"date 2023-02-15 \x93We stand firm,\x94 " + english("resolve").encode(),
        "loaded",
        "not valid UTF-8; decoded as Windows-1252",
    ),
    "utf16.txt": Case(
        f"date 2023-02-15 Reuters - {english('air defence')}".encode("utf-16"),
        "loaded",
        "decoded as UTF-16 (byte-order mark)",
    ),
    "bom crlf.txt": Case(
        b"\xef\xbb\xbf"
        + f"date 2023-02-15 AP - {english('tanks')}\r\n\r\nA second paragraph.\r\n".encode(),
        "loaded",
        None,
    ),
    "nul.txt": Case(
        f"date 2023-02-15 {english('drones')}".encode().replace(b"Tuesday", b"Tues\x00day"),
        "loaded",
        "removed 1 NUL byte(s)",
    ),
    "deutsch.txt": Case(
        f"date 2023-02-15 {GERMAN}".encode(),
        "loaded",
        "language 'de': stored without entities, quotes or events",
    ),
    "ニュース 記事 é.txt": Case(f"date 2023-02-15 {english('artillery')}".encode(), "loaded", None),
}
COPY = "copies/same body, other name é.txt"
IGNORED = ("README.md", "notes.json", "photo.jpg", "._apple double.txt", ".sync/hidden copy.txt")


def build_inbox(root: Path) -> None:
    """The seeds, a copy of one under another name, every case, and files that
    are not articles at all."""
    root.mkdir(parents=True, exist_ok=True)
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, root / seed.name)
    (root / COPY).parent.mkdir()
    shutil.copy(SEEDS / FIRST_SEED, root / COPY)
    for name, case in CASES.items():
        (root / name).write_bytes(case.raw)
    for name in IGNORED:
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text("not an article")


def table_rows(db: Path, tables: tuple[str, ...] = ("articles", "ingest_log")) -> dict[str, Any]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(con.sql(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def log_by_name(db: Path) -> dict[str, list[dict[str, Any]]]:
    """Every ingest-log row of each file (by name), oldest first."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        cursor = con.execute("SELECT * FROM ingest_log ORDER BY seen_at")
        names = [d[0] for d in cursor.description or []]
        rows = [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    finally:
        con.close()
    by_name: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_name.setdefault(Path(row["file_path"]).name, []).append(row)
    return by_name
