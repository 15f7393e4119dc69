"""The article header: ` date YYYY-MM-DD [Outlet Name - ]` at the start of the first line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from transforms.dates import EARLIEST
from transforms.rejection import Rejected

_DATE_LINE = re.compile(r"\A\s*date[ \t]+(?P<token>\S*)[ \t]*", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_OUTLET = re.compile(r"(?P<outlet>[^\n]{1,60}?) - ")
_OUTLET_CONNECTORS = frozenset({"of", "the", "and", "&", "de", "la", "le", "el", "for", "on"})
_SENTENCE_PUNCT = re.compile(r"[.!?:;,\"“”‘’()\[\]]")
MAX_OUTLET_WORDS = 6


@dataclass(frozen=True)
class Header:
    published_date: date
    outlet: str | None
    body: str


def _looks_like_outlet(candidate: str) -> bool:
    """Outlet names are short proper names ("BBC News", "Islam Times"); a headline
    or a sentence that merely contains " - " is not."""
    words = candidate.split()
    if not words or len(words) > MAX_OUTLET_WORDS or _SENTENCE_PUNCT.search(candidate):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _OUTLET_CONNECTORS for w in words)


def split_outlet(first_line_rest: str) -> tuple[str | None, str]:
    match = _OUTLET.match(first_line_rest)
    if match and _looks_like_outlet(match["outlet"]):
        return match["outlet"].strip(), first_line_rest[match.end() :]
    return None, first_line_rest


def parse_header(text: str, *, latest_date: date) -> Header:
    """Split normalised text into date, optional outlet and body.

    `latest_date` bounds the plausible publication date (usually today + 1 day,
    for time zones); a file dated after it is mislabelled, not news from the future.
    """
    match = _DATE_LINE.match(text)
    if match is None:
        raise Rejected("no date: the first line must start with 'date YYYY-MM-DD'")
    token = match["token"]
    if not _ISO_DATE.fullmatch(token):
        raise Rejected(f"no parsable date: expected 'date YYYY-MM-DD', found {token!r}")
    try:
        published = date.fromisoformat(token)
    except ValueError as exc:
        raise Rejected(f"impossible date {token}: {exc}") from exc
    if published < EARLIEST:
        raise Rejected(f"implausible date {token}: before {EARLIEST.isoformat()}")
    if published > latest_date:
        raise Rejected(f"future date {token}: after {latest_date.isoformat()}")
    outlet, body = split_outlet(text[match.end() :])
    return Header(published, outlet, body)
