"""From a file's bytes to an article record, or to the reason it is not one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from transforms.decoding import decode
from transforms.header import parse_header
from transforms.headlines import title_of
from transforms.language import detect_language, skipped_note
from transforms.normalise import article_id, normalise_text, tidy_body, word_count
from transforms.rejection import Rejected


@dataclass(frozen=True)
class Article:
    article_id: str
    outlet: str | None
    published_date: date
    title: str
    body: str
    word_count: int
    language: str
    note: str | None


def parse_article(raw: bytes, *, latest_date: date, min_words: int) -> Article:
    """Raises `Rejected` with a readable reason; `note` records repairs (e.g. a
    Windows-1252 fallback) that a loaded article's log row should carry."""
    decoded = decode(raw)
    text = normalise_text(decoded.text)
    if not text.strip():
        raise Rejected("whitespace only: the file has no visible characters")
    header = parse_header(text, latest_date=latest_date)
    body = tidy_body(header.body)
    if not body:
        raise Rejected("header only: nothing follows the date line")
    words = word_count(body)
    if words < min_words:
        raise Rejected(f"too short: the body has {words} words, the minimum is {min_words}")
    language = detect_language(body)
    notes = [n for n in (decoded.note, skipped_note(language)) if n]
    return Article(
        article_id=article_id(body),
        outlet=header.outlet,
        published_date=header.published_date,
        title=title_of(body),
        body=body,
        word_count=words,
        language=language,
        note="; ".join(notes) or None,
    )
