"""Canonical text, so that the same article arriving with a BOM, CRLF line ends
or decomposed accents gets the same body and therefore the same id."""

from __future__ import annotations

import re
import unicodedata

from transforms.ids import content_id

_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n)+")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def normalise_text(text: str) -> str:
    """Strip a BOM, turn CRLF/CR into LF and compose Unicode (NFC); quotes stay curly."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def tidy_body(body: str) -> str:
    """One blank line between paragraphs and no trailing spaces: offsets into the
    stored body then mean the same thing in every article."""
    body = _TRAILING_SPACE.sub("\n", body.strip())
    return _BLANK_RUN.sub("\n\n", body)


def article_id(body: str) -> str:
    """Content address of a body; whitespace differences do not make a new article."""
    return content_id(" ".join(body.split()))


def word_count(body: str) -> int:
    return len(body.split())
