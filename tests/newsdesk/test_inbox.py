import os
from dataclasses import replace
from pathlib import Path

from newsdesk import inbox
from warehouse.load import KnownFile


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_scan_finds_txt_files_recursively_and_ignores_others(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "b")
    write(tmp_path / "sub" / "a file é.TXT", "a")
    write(tmp_path / "notes.md", "x")
    write(tmp_path / "image.png", "x")
    names = [c.path.relative_to(tmp_path.resolve()).as_posix() for c in inbox.scan(tmp_path)]
    assert names == ["b.txt", "sub/a file é.TXT"]


def test_links_out_of_the_inbox_are_flagged_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    secret = write(tmp_path / "outside" / "secret.txt", "date 2023-01-01 secret")
    write(root / "inside.txt", "x")
    (root / "link.txt").symlink_to(secret)
    (root / "inner-link.txt").symlink_to(root / "inside.txt")
    by_name = {c.path.name: c for c in inbox.scan(root)}
    assert by_name["link.txt"].problem == "link outside the inbox: never followed"
    assert by_name["inner-link.txt"].problem is None
    read = inbox.read(by_name["link.txt"], max_bytes=100)
    assert read is not None and read.raw is None


def test_unchanged_files_are_not_selected(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "hello")
    [candidate] = inbox.scan(tmp_path)
    same = KnownFile(candidate.size_bytes, candidate.mtime_ns, "x")
    assert inbox.unseen([candidate], {str(candidate.path): same}) == []
    os.utime(path, ns=(1, 1))
    [touched] = inbox.scan(tmp_path)
    assert inbox.unseen([touched], {str(candidate.path): same}) == [
        replace(touched, known_sha256="x")
    ]


def test_read_hashes_and_a_touched_but_identical_file_is_dropped(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "hello")
    [candidate] = inbox.scan(tmp_path)
    read = inbox.read(candidate, max_bytes=100)
    assert read is not None and read.raw == b"hello" and read.sha256 is not None
    touched = inbox.unseen([candidate], {read.path: KnownFile(0, 0, read.sha256)})
    assert inbox.changed([read], touched) == []
    edited = inbox.unseen([candidate], {read.path: KnownFile(0, 0, "other")})
    assert inbox.changed([read], edited) == [read]
    assert inbox.changed([read], [candidate]) == [read]


def test_a_file_growing_while_read_is_left_for_the_next_run(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "hello")
    [candidate] = inbox.scan(tmp_path)
    with path.open("a") as handle:
        handle.write(" world")
    assert inbox.read(candidate, max_bytes=100) is None


def test_oversize_files_are_not_read(tmp_path: Path) -> None:
    write(tmp_path / "big.txt", "x" * 50)
    [candidate] = inbox.scan(tmp_path)
    read = inbox.read(candidate, max_bytes=10)
    assert read is not None and read.raw is None
    assert read.problem == "too large: 50 bytes, the cap is 10"


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", "hello")
    [candidate] = inbox.scan(tmp_path)
    path.unlink()
    read = inbox.read(candidate, max_bytes=100)
    assert read is not None and read.raw is None
    assert read.problem is not None and read.problem.startswith("unreadable")
