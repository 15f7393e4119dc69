"""Row ids are content addresses: the same input always gets the same id, so a
re-run, a rebuild or another machine names a row as the first run did."""

from __future__ import annotations

import hashlib

ID_LENGTH = 16


def content_id(*parts: object) -> str:
    """The first 16 hex digits of the SHA-256 of the parts joined with "|"."""
    raw = "|".join(str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:ID_LENGTH]
