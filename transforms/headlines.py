"""A title for an article file that has no headline field.

Some inboxes put the headline in as the first paragraph (short, no closing
full stop); otherwise the lead sentence is the best summary a reader gets.
"""

from __future__ import annotations

import re

MAX_HEADLINE_WORDS = 25
MAX_TITLE_CHARS = 200
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘'(]?[A-Z0-9])")


def _truncate(text: str) -> str:
    if len(text) <= MAX_TITLE_CHARS:
        return text
    cut = text[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def title_of(body: str) -> str:
    first_paragraph = body.split("\n\n", 1)[0].strip()
    words = first_paragraph.split()
    if len(words) <= MAX_HEADLINE_WORDS and not first_paragraph.endswith((".", "!", "?")):
        return _truncate(" ".join(words))
    first_sentence = _SENTENCE_END.split(first_paragraph, maxsplit=1)[0]
    return _truncate(" ".join(first_sentence.split()))
