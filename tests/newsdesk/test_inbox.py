import os
from dataclasses import replace
from pathlib import Path

from newsdesk import inbox
from warehouse.load import KnownFile


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_scan_finds_txt_files_recursively_and_skips_others_and_hidden(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "b")
    write(tmp_path / "sub" / "a file é.TXT", "a")
    write(tmp_path / "notes.md", "x")
    write(tmp_path / "image.png", "x")
    write(tmp_path / "._b.txt", "macOS resource fork")
    write(tmp_path / ".git" / "notes.txt", "x")
    write(tmp_path / "sub" / ".hidden" / "c.txt", "x")
    names = [
        c.path.relative_to(tmp_path.resolve()).as_posix()
        for c in inbox.scan(tmp_path, max_bytes=100)
    ]
    assert names == ["b.txt", "sub/a file é.TXT"]


def test_only_names_below_the_inbox_are_judged_hidden(tmp_path: Path) -> None:
    """`~/.newsdesk/inbox` and `~/.inbox` are inboxes; a visible link into a
    hidden folder of the inbox is followed to its target."""
    write(tmp_path / ".newsdesk" / "inbox" / "a.txt", "a")
    [found] = inbox.scan(tmp_path / ".newsdesk" / "inbox", max_bytes=100)
    assert found.path.name == "a.txt"
    target = write(tmp_path / ".inbox" / ".sync" / "b.txt", "b")
    (tmp_path / ".inbox" / "b.txt").symlink_to(target)
    [linked] = inbox.scan(tmp_path / ".inbox", max_bytes=100)
    assert linked.path.name == "b.txt" and linked.problem is None
    read = inbox.read(linked)
    assert read is not None and read.raw == b"b"


def test_links_out_of_the_inbox_are_flagged_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    secret = write(tmp_path / "outside" / "secret.txt", "date 2023-01-01 secret")
    write(root / "inside.txt", "x")
    (root / "link.txt").symlink_to(secret)
    (root / "inner-link.txt").symlink_to(root / "inside.txt")
    by_name = {c.path.name: c for c in inbox.scan(root, max_bytes=100)}
    assert by_name["link.txt"].problem == "link outside the inbox: never followed"
    assert by_name["inner-link.txt"].problem is None
    read = inbox.read(by_name["link.txt"])
    assert read is not None and read.raw is None


def test_unchanged_files_are_not_selected(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "hello")
    [candidate] = inbox.scan(tmp_path, max_bytes=100)
    same = KnownFile(candidate.size_bytes, candidate.mtime_ns, "x")
    assert inbox.unseen([candidate], {candidate.name: same}) == []
    os.utime(path, ns=(1, 1))
    [touched] = inbox.scan(tmp_path, max_bytes=100)
    assert inbox.unseen([touched], {candidate.name: same}) == [replace(touched, known_sha256="x")]


def test_read_hashes_and_a_touched_but_identical_file_is_set_apart(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "hello")
    [candidate] = inbox.scan(tmp_path, max_bytes=100)
    read = inbox.read(candidate)
    assert read is not None and read.raw == b"hello" and read.sha256 is not None
    touched = inbox.unseen([candidate], {read.path: KnownFile(0, 0, read.sha256)})
    assert inbox.split_touched([read], touched) == ([], [read])
    edited = inbox.unseen([candidate], {read.path: KnownFile(0, 0, "other")})
    assert inbox.split_touched([read], edited) == ([read], [])
    assert inbox.split_touched([read], [candidate]) == ([read], [])


def test_a_file_growing_while_read_is_left_for_the_next_run(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "hello")
    [candidate] = inbox.scan(tmp_path, max_bytes=100)
    with path.open("a") as handle:
        handle.write(" world")
    assert inbox.read(candidate) is None


def test_oversize_files_are_not_read(tmp_path: Path) -> None:
    write(tmp_path / "big.txt", "x" * 50)
    [candidate] = inbox.scan(tmp_path, max_bytes=10)
    read = inbox.read(candidate)
    assert read is not None and read.raw is None
    assert read.problem == "too large: 50 bytes, the cap is 10"


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", "hello")
    [candidate] = inbox.scan(tmp_path, max_bytes=100)
    path.unlink()
    read = inbox.read(candidate)
    assert read is not None and read.raw is None
    assert read.problem is not None and read.problem.startswith("unreadable")


def test_a_file_nobody_may_read_is_not_opened_even_by_root(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", "hello")
    path.chmod(0)
    [candidate] = inbox.scan(tmp_path, max_bytes=100)
    assert candidate.problem == "unreadable: no read permission (mode ----------)"
    read = inbox.read(candidate)
    assert read is not None and read.raw is None and read.problem == candidate.problem


def test_a_file_unreadable_last_time_is_retried_once_it_can_be_read(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", "hello")
    path.chmod(0)
    [locked] = inbox.scan(tmp_path, max_bytes=100)
    never_read = {locked.name: KnownFile(locked.size_bytes, locked.mtime_ns, None, locked.problem)}
    assert inbox.unseen([locked], never_read) == []
    path.chmod(0o644)
    [readable] = inbox.scan(tmp_path, max_bytes=100)
    assert inbox.unseen([readable], never_read) == [readable]


def test_a_pipe_named_like_an_article_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    [candidate] = inbox.scan(tmp_path, max_bytes=100)
    assert candidate.problem is not None and candidate.problem.startswith("not a regular file")
    read = inbox.read(candidate)
    assert read is not None and read.raw is None


def test_a_name_that_is_not_utf8_is_stored_with_escapes(tmp_path: Path) -> None:
    (tmp_path.resolve() / os.fsdecode(b"caf\xe9.txt")).write_text("x")
    [candidate] = inbox.scan(tmp_path, max_bytes=100)
    assert candidate.name.endswith("caf\\xe9.txt")
    read = inbox.read(candidate)
    assert read is not None and read.raw == b"x" and read.path == candidate.name


def test_a_file_that_failed_to_open_is_not_retried_until_it_changes(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "hello")
    [candidate] = inbox.scan(tmp_path, max_bytes=100)
    failed = {candidate.name: KnownFile(5, candidate.mtime_ns, None, "unreadable: I/O error")}
    assert inbox.unseen([candidate], failed) == []


def test_a_symlink_loop_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    write(tmp_path / "good.txt", "hello")
    found = {c.path.name: c.problem for c in inbox.scan(tmp_path, max_bytes=100)}
    assert found == {
        "a.txt": "unreadable: a symlink loop",
        "b.txt": "unreadable: a symlink loop",
        "good.txt": None,
        "self.txt": "unreadable: a symlink loop",
    }


def test_a_pipe_swapped_in_after_the_scan_does_not_block_the_read(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "hello")
    [candidate] = inbox.scan(tmp_path, max_bytes=100)
    path.unlink()
    os.mkfifo(path)
    read = inbox.read(candidate)
    assert read is not None and read.raw is None
    assert read.problem is not None and read.problem.startswith("not a regular file")


def test_an_escaped_name_that_reads_like_another_files_name_is_left_out(tmp_path: Path) -> None:
    raw = tmp_path / os.fsdecode(b"caf\xe9.txt")
    literal = write(tmp_path / "caf\\xe9.txt", "b")
    other_raw = tmp_path / os.fsdecode(b"menu \xff.txt")
    raw.write_bytes(b"a")
    other_raw.write_bytes(b"c")

    kept, left = inbox.split_clashing(inbox.scan(tmp_path, max_bytes=100))

    assert [c.path.name for c in kept] == [literal.name, other_raw.name]
    assert [c.path.name for c in left] == [raw.name]
    assert left[0].name == kept[0].name == str(literal.resolve())
    assert kept[1].name.endswith("menu \\xff.txt")
