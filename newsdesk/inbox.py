"""The filesystem side of ingest: find article files, decide which are new,
read them safely. Everything after the bytes is a pure transform."""

from __future__ import annotations

import hashlib
import os
import stat
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from transforms.intake import FileRead, oversize_problem
from warehouse.load import KnownFile

SUFFIX = ".txt"
HIDDEN = "."
OUTSIDE = "link outside the inbox: never followed"
NOT_REGULAR = "not a regular file (a pipe, socket or device is never opened)"
NO_PERMISSION = "unreadable: no read permission"
# Problems seen before opening that a person fixes without touching the file
# (a chmod, a raised cap): such a file is tried again once the problem is gone.
RETRIED = (NO_PERMISSION, "too large", NOT_REGULAR)


@dataclass(frozen=True)
class Candidate:
    path: Path
    size_bytes: int
    mtime_ns: int
    problem: str | None = None  # why the file will not be opened
    known_sha256: str | None = None  # the bytes' hash at the file's last record

    @property
    def name(self) -> str:
        """The path as text that can be stored: bytes of a file name that are not
        UTF-8 are written as escapes instead of failing the insert."""
        return os.fsencode(self.path).decode("utf-8", "backslashreplace")

    @property
    def utf8_name(self) -> bool:
        try:
            os.fsencode(self.path).decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True


def scan(inbox: Path, *, max_bytes: int) -> list[Candidate]:
    """Every `*.txt` below the inbox, sorted; directory links are not followed and
    a file link that leaves the inbox is reported, never read. Hidden names are
    not articles: macOS's `._name.txt` companions, editors' lock files, and the
    insides of `.git` or a sync tool's folder."""
    root = inbox.resolve()
    if not root.is_dir():
        raise NotADirectoryError(f"inbox {inbox} is not a directory")
    found: list[Candidate] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(HIDDEN))
        directory = Path(dirpath)
        for name in sorted(filenames):
            if name.startswith(HIDDEN) or not name.lower().endswith(SUFFIX):
                continue
            found.append(_candidate(root, directory / name, max_bytes))
    return found


def split_clashing(candidates: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """The files that can be told apart by name, and those that cannot: a name
    that is not UTF-8, written with escapes, can read like another file's
    (`caf\\xe9.txt` beside a file literally named so), and a file is known by
    its name from run to run. A UTF-8 name keeps it; the escaped ones are
    left out until renamed."""
    names = Counter(c.name for c in candidates)
    kept: list[Candidate] = []
    left: list[Candidate] = []
    for c in candidates:
        (left if names[c.name] > 1 and not c.utf8_name else kept).append(c)
    return kept, left


def _candidate(root: Path, path: Path, max_bytes: int) -> Candidate:
    """One `lstat` for a plain file (every run stats the whole inbox); a link
    is resolved and its target stat-ed."""
    try:
        st = link_stat = path.lstat()
    except OSError as exc:
        return Candidate(path, 0, 0, f"unreadable: {exc.strerror}")
    if stat.S_ISLNK(link_stat.st_mode):
        try:
            if not path.resolve().is_relative_to(root):
                return Candidate(path, 0, link_stat.st_mtime_ns, OUTSIDE)
            st = path.stat()
        except RuntimeError:  # Python 3.11's resolve() on a link loop
            return Candidate(path, 0, link_stat.st_mtime_ns, "unreadable: a symlink loop")
        except OSError as exc:
            return Candidate(path, 0, link_stat.st_mtime_ns, f"unreadable: {exc.strerror}")
    return Candidate(path, st.st_size, st.st_mtime_ns, _problem(path, st, max_bytes))


def _problem(path: Path, st: os.stat_result, max_bytes: int) -> str | None:
    """Reasons known before opening: a pipe would block the run, and a file
    whose mode grants nobody read access is not read even by root."""
    if not stat.S_ISREG(st.st_mode):
        return NOT_REGULAR
    if not st.st_mode & 0o444 or not os.access(path, os.R_OK):
        return f"{NO_PERMISSION} (mode {stat.filemode(st.st_mode)})"
    return oversize_problem(st.st_size, max_bytes)


def unseen(candidates: list[Candidate], known: Mapping[str, KnownFile]) -> list[Candidate]:
    """Files never recorded, whose size or mtime moved since their last record,
    or that were not opened last time for a reason that is now gone (a
    permission fixed, the size cap raised); an unchanged file is not opened."""
    fresh = []
    for c in candidates:
        k = known.get(c.name)
        if k is None:
            fresh.append(c)
        elif k.size_bytes != c.size_bytes or k.mtime_ns != c.mtime_ns:
            fresh.append(replace(c, known_sha256=k.sha256))
        elif c.problem is None and (k.reason or "").startswith(RETRIED):
            fresh.append(c)
    return fresh


def read(candidate: Candidate) -> FileRead | None:
    """Read one file; None when it changed while being read (still being written:
    it is picked up by a later run, once it holds still)."""
    path = candidate.name
    if candidate.problem:
        return FileRead(
            path, candidate.size_bytes, candidate.mtime_ns, None, None, candidate.problem
        )
    try:
        # Non-blocking: a pipe put in the file's place since the scan must not hang the run.
        fd = os.open(candidate.path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return FileRead(
                    path, candidate.size_bytes, candidate.mtime_ns, None, None, NOT_REGULAR
                )
            raw = handle.read(candidate.size_bytes + 1)
            after = os.fstat(fd)
    except OSError as exc:
        problem = f"unreadable: {exc.strerror}"
        return FileRead(path, candidate.size_bytes, candidate.mtime_ns, None, None, problem)
    if (
        len(raw) != candidate.size_bytes
        or after.st_size != candidate.size_bytes
        or after.st_mtime_ns != candidate.mtime_ns
    ):
        return None
    sha = hashlib.sha256(raw).hexdigest()
    return FileRead(path, candidate.size_bytes, candidate.mtime_ns, sha, raw)


def split_touched(
    reads: list[FileRead], candidates: list[Candidate]
) -> tuple[list[FileRead], list[FileRead]]:
    """The files that changed, and those whose bytes match their last record
    (only touched, not edited: they keep their state, with their new time)."""
    known = {c.name: c.known_sha256 for c in candidates}
    changed: list[FileRead] = []
    touched: list[FileRead] = []
    for r in reads:
        same = r.sha256 is not None and known.get(r.path) == r.sha256
        (touched if same else changed).append(r)
    return changed, touched
