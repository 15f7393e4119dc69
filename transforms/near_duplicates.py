"""Near-duplicates: syndicated copies and lightly edited versions of one text.

Exact copies never get this far (the same body is the same article id); what
is left is judged by the overlap of word 5-gram shingles, the classic measure
of "same text, small edits", on the few pairs whose term vectors already look
alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from transforms.story_terms import BatchSimilarity

SHINGLE = 5
_TOKEN = re.compile(r"\w+")


def shingles(body: str, size: int = SHINGLE) -> frozenset[int]:
    tokens = _TOKEN.findall(body.lower())
    if len(tokens) < size:
        return frozenset({hash(tuple(tokens))})
    return frozenset(hash(tuple(tokens[i : i + size])) for i in range(len(tokens) - size + 1))


def resemblance(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard similarity of two shingle sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def find_duplicates(
    order: Sequence[str],
    similarity: BatchSimilarity,
    bodies: Mapping[str, str],
    stored: Mapping[str, Sequence[str]],
    stored_bodies: Mapping[str, str],
    stored_originals: Mapping[str, str | None],
    *,
    screen: float,
    threshold: float,
) -> dict[str, str]:
    """The original each article in `order` copies, if any: the earliest
    arrival (stored ones first, in `stored`'s order, then earlier articles of
    `order`) whose vector has cosine at least `screen` and whose shingles
    overlap at least `threshold`. A copy of a copy names the first original."""
    shingled: dict[str, frozenset[int]] = {}

    def shingles_of(article_id: str) -> frozenset[int]:
        if article_id not in shingled:
            body = bodies.get(article_id)
            shingled[article_id] = shingles(body if body is not None else stored_bodies[article_id])
        return shingled[article_id]

    originals: dict[str, str | None] = dict(stored_originals)
    found: dict[str, str] = {}
    for i, article_id in enumerate(order):
        earlier, cosines = similarity.earlier(i)
        candidates = [*stored.get(article_id, ()), *(order[j] for j in earlier[cosines >= screen])]
        for candidate in candidates:
            if resemblance(shingles_of(article_id), shingles_of(candidate)) >= threshold:
                found[article_id] = originals.get(candidate) or candidate
                break
        originals[article_id] = found.get(article_id)
    return found
