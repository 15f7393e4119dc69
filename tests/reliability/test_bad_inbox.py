"""The real flow over an inbox of good and bad files: every file ends in its
documented state with a reason, good ones load, nothing outside the inbox is
read, and a run after the last change changes nothing."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from newsdesk.settings import Settings
from tests.reliability.inbox_cases import (
    CASES,
    COPY,
    FIRST_SEED,
    IGNORED,
    build_inbox,
    english,
    log_by_name,
    table_rows,
)

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_harness")]

FIFTY_MB = 50 * 2**20
NOT_UTF8_NAME = os.fsdecode(b"caf\xe9 \xff.txt")
# Escaped, this name is the next one's: the file cannot be told apart by name.
CLASHING_NAME = os.fsdecode(b"menu \xff.txt")
LITERAL_NAME = "menu \\xff.txt"


@pytest.fixture
def growing(tmp_path: Path) -> Iterator[tuple[Path, Callable[[], None]]]:
    """A file another program is still writing: a line every few milliseconds
    until the test sets the event."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = inbox / "still being written.txt"
    path.write_text(f"date 2023-02-15 {english('a file in transit')}\n")
    stop = threading.Event()

    def write() -> None:
        with path.open("a") as handle:
            while not stop.is_set():
                handle.write("More words arrive.\n")
                handle.flush()
                time.sleep(0.005)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()

    def finish() -> None:
        stop.set()
        writer.join()

    try:
        yield path, finish
    finally:
        finish()


def test_every_bad_file_ends_in_its_documented_state_and_nothing_is_lost(
    tmp_path: Path, growing: tuple[Path, Callable[[], None]]
) -> None:
    from flows.news_pipeline import news_pipeline

    inbox = tmp_path / "inbox"
    build_inbox(inbox)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"date 2023-02-15 {english('secrets')}")
    (inbox / "link to outside.txt").symlink_to(outside / "secret.txt")
    (inbox / "linked folder").symlink_to(outside, target_is_directory=True)
    (inbox / "locked.txt").write_text(f"date 2023-02-15 {english('locks')}")
    (inbox / "locked.txt").chmod(0)
    os.mkfifo(inbox / "pipe.txt")
    (inbox / "loop.txt").symlink_to(inbox / "loop.txt")
    with (inbox / "huge.txt").open("wb") as handle:
        handle.truncate(FIFTY_MB)
    (inbox / NOT_UTF8_NAME).write_text(f"date 2023-02-15 {english('file names')}")
    (inbox / CLASHING_NAME).write_text(f"date 2023-02-15 {english('escapes')}")
    (inbox / LITERAL_NAME).write_text(f"date 2023-02-15 {english('backslashes')}")
    settings = Settings(
        inbox=inbox, db=tmp_path / "w.duckdb", data_docs=tmp_path / "docs", chunk_size=4
    )

    first = news_pipeline(settings=settings)

    assert first["status"] == "completed" and first["violations"] == []
    counts = (
        first["files_seen"],
        first["loaded"],
        first["duplicates"],
        first["rejected"],
        first["quarantined"],
    )
    assert counts == (24, 10, 1, 13, 0)
    log = log_by_name(settings.db)
    assert all(len(rows) == 1 for rows in log.values()), "each file is recorded once"
    state = {name: rows[-1] for name, rows in log.items()}
    for name, case in CASES.items():
        assert state[name]["status"] == case.status, (name, state[name]["reason"])
        if case.reason is None:
            assert state[name]["reason"] is None, name
        else:
            assert state[name]["reason"].startswith(case.reason), (name, state[name]["reason"])
    assert state[FIRST_SEED]["status"] == "loaded"
    assert state[Path(COPY).name]["status"] == "duplicate"
    assert state[Path(COPY).name]["article_id"] == state[FIRST_SEED]["article_id"]
    assert state["link to outside.txt"]["status"] == "rejected"
    assert state["link to outside.txt"]["reason"] == "link outside the inbox: never followed"
    assert state["locked.txt"]["reason"].startswith("unreadable: no read permission")
    assert state["pipe.txt"]["reason"].startswith("not a regular file")
    assert state["loop.txt"]["reason"] == "unreadable: a symlink loop"
    assert state["huge.txt"]["reason"] == (
        f"too large: {FIFTY_MB:,} bytes, the cap is {settings.max_bytes:,}"
    )
    escaped = "caf\\xe9 \\xff.txt"
    assert state[escaped]["status"] == "loaded"
    assert state[LITERAL_NAME]["status"] == "loaded"
    not_recorded = {*(Path(name).name for name in IGNORED), "secret.txt", "still being written.txt"}
    assert not_recorded.isdisjoint(state), "ignored, outside or moving files are not recorded"
    assert first["files_seen"] == len(state)

    con = duckdb.connect(str(settings.db), read_only=True)
    try:
        bodies = dict(con.sql("SELECT source_path, body FROM articles").fetchall())
        languages = dict(con.sql("SELECT source_path, language FROM articles").fetchall())
        german_rows = con.execute(
            "SELECT (SELECT count(*) FROM entity_mentions WHERE article_id = a.article_id)"
            " + (SELECT count(*) FROM quotes WHERE article_id = a.article_id)"
            " + (SELECT count(*) FROM events WHERE article_id = a.article_id)"
            " FROM articles a WHERE language = 'de'"
        ).fetchall()
    finally:
        con.close()
    by_name = {Path(path).name: body for path, body in bodies.items()}
    assert "\r" not in by_name["bom crlf.txt"] and "\ufeff" not in by_name["bom crlf.txt"]
    assert by_name["bom crlf.txt"].endswith("coming months.\n\nA second paragraph.")
    assert by_name["latin.txt"].startswith("“We stand firm,”")
    assert "\x00" not in by_name["nul.txt"] and "Tuesday" in by_name["nul.txt"]
    assert by_name["utf16.txt"].startswith("The defence ministers")
    assert "about backslashes" in by_name[LITERAL_NAME]
    assert not any("about escapes" in body for body in by_name.values())
    assert german_rows == [(0,)]
    assert {lang for path, lang in languages.items() if "deutsch" not in path} == {"en"}

    # The writer finishes and the permission is fixed: both are picked up now.
    growing_path, finish_writing = growing
    finish_writing()
    (inbox / "locked.txt").chmod(0o644)
    second = news_pipeline(settings=settings)
    assert second["violations"] == []
    assert (second["files_seen"], second["loaded"]) == (2, 2)
    log = log_by_name(settings.db)
    assert [r["status"] for r in log[growing_path.name]] == ["loaded"]
    assert [r["status"] for r in log["locked.txt"]] == ["rejected", "loaded"]

    before = table_rows(settings.db)
    third = news_pipeline(settings=settings)
    assert third["files_seen"] == 0 and third["violations"] == []
    assert (second["invariants_checked"], third["invariants_checked"]) == ([second["run_id"]], None)
    assert table_rows(settings.db) == before
