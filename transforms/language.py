"""Language identification from function words.

Function words are the most frequent tokens of every language and almost
never shared across languages in bulk, so the share of a text's tokens that
are stop words of language L is a robust, dependency-light signal. The
stop-word lists are spaCy's own (`spacy.lang.<code>.stop_words`), already a
dependency; no model is loaded.
"""

from __future__ import annotations

import re
import runpy
from functools import cache
from importlib import resources

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "pl", "ro", "tr", "id", "ru")
UNDETERMINED = "und"
EXTRACTED_LANGUAGES = frozenset({"en"})  # the languages the extraction rules are written for
MIN_SHARE = 0.15
SAMPLE_TOKENS = 400
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _stop_words(code: str) -> frozenset[str]:
    """Read from the list's own file: importing `spacy.lang.fr.stop_words`
    would first run `spacy.lang.fr`, which builds the French tokenizer
    exceptions, about 2 s at the start of every run for a list of words."""
    path = resources.files("spacy.lang").joinpath(code, "stop_words.py")
    words: set[str] = runpy.run_path(str(path))["STOP_WORDS"]
    return frozenset(w.lower() for w in words)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the best-matching language, or 'und' when no language's
    function words make up at least MIN_SHARE of the tokens."""
    tokens = [t.lower().replace("’", "'") for t in _TOKEN.findall(text)[:SAMPLE_TOKENS]]
    if not tokens:
        return UNDETERMINED
    best, best_share = UNDETERMINED, 0.0
    for code in LANGUAGES:
        stops = _stop_words(code)
        share = sum(1 for t in tokens if t in stops) / len(tokens)
        if share > best_share:
            best, best_share = code, share
    return best if best_share >= MIN_SHARE else UNDETERMINED


def skipped_note(language: str) -> str | None:
    """What a loaded article's log row says when its language is outside the
    extraction rules' reach: stored, but not run through English-only rules."""
    if language in EXTRACTED_LANGUAGES:
        return None
    named = "undetermined" if language == UNDETERMINED else f"'{language}'"
    return f"language {named}: stored without entities, quotes or events (English-only rules)"
