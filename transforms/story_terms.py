"""What an article is about, as a short weighted term vector: the signal that
story assignment compares.

Weights come from how rare a word is in English at large (wordfreq's Zipf
scale), not from the warehouse's own document frequencies, so an article's
vector never changes as the warehouse grows: the similarity of two articles is
a function of those two articles alone, which is what lets incremental
assignment and a rebuild agree. Words as common as "said", "year" or
"government" (Zipf `common_zipf` and up) are no terms at all: they say nothing
about which story an article tells, and their postings would make candidate
blocking pair every article with half the warehouse. Names and the event
dates the text states in full join the words as their own terms; the vector
keeps the `top_terms` heaviest and is scaled to unit length, so a dot product
is a cosine.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
import polars as pl
from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import zipf_frequency

Vector = dict[str, float]

TERMS: dict[str, type[pl.DataType]] = {
    "article_id": pl.String,
    "term": pl.String,
    "weight": pl.Float64,
}

_WORD = re.compile(r"\d[\d,.]*\d|[^\W_][\w'’.-]*[^\W_]|[^\W_]")
_MAX_ZIPF = 8.0
ENTITY_PREFIX = "E:"
DATE_PREFIX = "D:"
PRINCIPAL_PREFIX = "P:"
NAMED_PREFIX = "N:"
# News puts who an event happened to in the headline and the first sentences: the
# principal is the first person named there (sentences 0-1), and an article
# "names" a person when it does so early (sentences 0-2) or often (its two
# most-mentioned people among those mentioned at least twice), not when it
# recalls them once in the background.
PRINCIPAL_SENTENCES = 1
NAMED_SENTENCES = 2
NAMED_MOST_MENTIONED = 2
NAMED_MIN_MENTIONS = 2


@dataclass(frozen=True)
class TermWeights:
    top_terms: int = 40
    title: float = 2.0
    entity: float = 0.3
    event_date: float = 2.0
    common_zipf: float = 5.5


@lru_cache(maxsize=1 << 17)
def zipf(word: str) -> float:
    return float(zipf_frequency(word.removeprefix("#"), "en"))


def rarity(word: str) -> float:
    """Zipf 8 is "the"; a word wordfreq has never seen is as rare as it gets."""
    return max(0.0, _MAX_ZIPF - zipf(word))


def words(text: str) -> list[str]:
    """Content words, lower-cased; numbers ("23", "2016", "1,000") kept whole with
    a `#` mark because counts and years tell look-alike events apart."""
    found = []
    for raw in _WORD.findall(text):
        word = raw.lower().replace("’", "'").removesuffix("'s")
        if any(c.isdigit() for c in word):
            if len(word) >= 2:
                found.append("#" + word.replace(",", ""))
        elif len(word) >= 3 and word not in STOP_WORDS:
            found.append(word)
    return found


def name_words(surface: str) -> frozenset[str]:
    """The words of a name, numbers left out."""
    return frozenset(w for w in words(surface) if not w.startswith("#"))


def rarest_word(name: Iterable[str]) -> str | None:
    """A name's rarest word ("stoltenberg", not "jens"); ties go to the
    alphabetically last, so the choice never depends on the order given."""
    return max(name, key=lambda w: (rarity(w), w), default=None)


def name_rarity(surface: str) -> float:
    """A name is as rare as its rarest word ("Stoltenberg", not "Jens")."""
    rarest = rarest_word(name_words(surface))
    return 0.0 if rarest is None else rarity(rarest)


def term_vector(
    title: str,
    body: str,
    weights: TermWeights,
    entities: Iterable[tuple[str, str]] = (),
    event_dates: Iterable[str] = (),
) -> Vector:
    """`entities` are (entity_id, surface text) per mention, `event_dates` the
    ISO dates of events resolved to a day from the text (not the dateline)."""
    counts: dict[str, float] = dict(Counter(words(body)))
    for word in words(title):
        counts[word] = counts.get(word, 0.0) + weights.title
    raw = {
        w: (1 + math.log(c)) * rarity(w) for w, c in counts.items() if zipf(w) < weights.common_zipf
    }
    mentions: Counter[str] = Counter()
    rare: dict[str, float] = {}
    for entity_id, surface in entities:
        mentions[entity_id] += 1
        rare[entity_id] = max(rare.get(entity_id, 0.0), name_rarity(surface))
    for entity_id, count in mentions.items():
        raw[ENTITY_PREFIX + entity_id] = weights.entity * (1 + math.log(count)) * rare[entity_id]
    for day, count in Counter(event_dates).items():
        raw[DATE_PREFIX + day] = weights.event_date * (1 + math.log(count))
    top = sorted(((t, w) for t, w in raw.items() if w > 0), key=lambda tw: (-tw[1], tw[0]))
    top = top[: weights.top_terms]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: w / norm for t, w in top}


def article_vectors(
    articles: pl.DataFrame, mentions: pl.DataFrame, events: pl.DataFrame, weights: TermWeights
) -> dict[str, Vector]:
    """Vectors of `articles` (article_id, title, body) from their mentions
    (article_id, entity_id, text) and events (article_id, event_date,
    date_text, date_precision, date_source); the warehouse and a fresh batch
    give the same columns, so a rebuild computes exactly what the run computed.

    An event date is a term only when the text states it in full ("February
    24, 2022"): that names one event's day. A relative one ("on Tuesday", "at
    2:30 a.m.") is resolved against the dateline, so every article of that
    week or day would share it, and one taken from the publication date says
    nothing the dateline does not. (Relative dates as terms cost 0.005 of
    incident B3 on both dev sets, benchmarks/RESULTS.md.)"""
    linked = mentions.filter(pl.col("entity_id").is_not_null())
    by_article: dict[str, list[tuple[str, str]]] = {}
    for article_id, entity_id, text in linked.select("article_id", "entity_id", "text").iter_rows():
        by_article.setdefault(article_id, []).append((entity_id, text))
    dated = events.filter(
        (pl.col("date_precision") == "day")
        & (pl.col("date_source") == "explicit")
        & pl.col("event_date").is_not_null()
    )
    days: dict[str, list[str]] = {}
    for article_id, day in dated.select("article_id", "event_date").iter_rows():
        days.setdefault(article_id, []).append(day.isoformat())
    return {
        article_id: term_vector(
            title, body, weights, by_article.get(article_id, ()), days.get(article_id, ())
        )
        for article_id, title, body in articles.select("article_id", "title", "body").iter_rows()
    }


@dataclass(frozen=True)
class Participants:
    """Who an article is about: the words of its principal person's name and
    every word of the names it gives prominence to (the principal's among them)."""

    principal: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()


def participants(mentions: Iterable[tuple[str, str, int]]) -> Participants:
    """From an article's (text, label, sentence index) mentions in text order."""
    principal: frozenset[str] = frozenset()
    named: set[str] = set()
    counts: Counter[str] = Counter()
    names: dict[str, set[str]] = {}
    for text, label, sentence in mentions:
        if label != "PERSON":
            continue
        name = name_words(text)
        key = rarest_word(name)
        if key is None:
            continue
        counts[key] += 1
        names.setdefault(key, set()).update(name)
        if sentence <= PRINCIPAL_SENTENCES and not principal:
            principal = name
        if sentence <= NAMED_SENTENCES:
            named.update(name)
    often = sorted(
        ((key, count) for key, count in counts.items() if count >= NAMED_MIN_MENTIONS),
        key=lambda kc: (-kc[1], kc[0]),
    )
    for key, _ in often[:NAMED_MOST_MENTIONED]:
        named.update(names[key])
    return Participants(principal, frozenset(named | principal))


def conflicts(
    pairs: pl.DataFrame, left: pl.DataFrame, right: pl.DataFrame
) -> npt.NDArray[np.bool_]:
    """Two reports of one incident name its principal: when each puts a
    different person first and neither names the other's at all prominently
    ("Saints put Bush on injured reserve", "Saints put Thomas on injured
    reserve"), they tell of different incidents, however alike their words.

    For each of `pairs` (i, j), whether article i of `left` (i, term) and
    article j of `right` (j, term) conflict so, the terms being those
    `participant_terms` makes and stores. One rule for a batch's pairs among
    themselves and with the stored articles they reach, which run to millions:
    so it is joins on the words of the pairs' names (as integers), whose cost
    follows the pairs, never how many articles share a name."""
    words = pl.concat(
        [
            left.select(pl.lit(True).alias("left"), pl.col("i").cast(pl.Int64).alias("at"), "term"),
            right.select(
                pl.lit(False).alias("left"), pl.col("j").cast(pl.Int64).alias("at"), "term"
            ),
        ]
    ).select(
        "left",
        "at",
        pl.col("term").str.starts_with(PRINCIPAL_PREFIX).alias("principal"),
        pl.col("term").str.starts_with(NAMED_PREFIX).alias("named"),
        pl.col("term")
        .str.strip_prefix(PRINCIPAL_PREFIX)
        .str.strip_prefix(NAMED_PREFIX)
        .alias("name_word"),
    )
    words = words.filter(pl.col("principal") | pl.col("named"))
    vocabulary = words.select("name_word").unique().with_row_index("word")
    words = words.join(vocabulary, on="name_word").with_columns(pl.col("word").cast(pl.Int64))

    def side(ours: bool, kind: str, at: str) -> pl.DataFrame:
        return words.filter(pl.col("left") == ours, pl.col(kind)).select(
            pl.col("at").alias(at), "word"
        )

    def key(at: str) -> pl.Expr:
        """An article and a word as one integer: joins on one column cost a
        fraction of those on two."""
        return (pl.col(at) * 2**32 + pl.col("word")).alias("key")

    principal_of, named_by = side(True, "principal", "i"), side(True, "named", "i")
    other_principal, other_named = side(False, "principal", "j"), side(False, "named", "j")
    led = (
        pairs.select(pl.col("i").cast(pl.Int64), pl.col("j").cast(pl.Int64))
        .with_row_index("k")
        .join(principal_of.select("i").unique(), on="i", how="semi")
        .join(other_principal.select("j").unique(), on="j", how="semi")
    )
    theirs_names_ours = (
        led.join(principal_of, on="i")
        .select("k", key("j"))
        .join(other_named.select(key("j")), on="key", how="semi")
    )
    led = led.join(theirs_names_ours, on="k", how="anti")
    ours_names_theirs = (
        led.join(other_principal, on="j")
        .select("k", key("i"))
        .join(named_by.select(key("i")), on="key", how="semi")
    )
    clash = np.zeros(pairs.height, dtype=np.bool_)
    clash[led.join(ours_names_theirs, on="k", how="anti")["k"].to_numpy()] = True
    return clash


def cast_terms(found: Sequence[Participants], position: str) -> pl.DataFrame:
    """The participant terms of `found` as `conflicts` reads them: (`position`:
    the index in `found`, term)."""
    rows = [(n, term) for n, cast in enumerate(found) for term in participant_terms(cast)]
    return pl.DataFrame(rows, schema={position: pl.Int64, "term": pl.String}, orient="row")


def article_participants(mentions: pl.DataFrame) -> dict[str, Participants]:
    """Participants per article from mentions (article_id, text, label,
    sentence_index, start_char); articles without a person get none."""
    people = mentions.filter(pl.col("label") == "PERSON").sort("article_id", "start_char")
    by_article: dict[str, list[tuple[str, str, int]]] = {}
    for article_id, text, label, sentence in people.select(
        "article_id", "text", "label", "sentence_index"
    ).iter_rows():
        by_article.setdefault(article_id, []).append((text, label, sentence))
    return {article_id: participants(rows) for article_id, rows in by_article.items()}


def participant_terms(found: Participants) -> Vector:
    """Stored beside the vector with weight 0: they take no part in any cosine,
    only in the conflict test between a new article and stored ones."""
    terms = {PRINCIPAL_PREFIX + w: 0.0 for w in found.principal}
    terms.update({NAMED_PREFIX + w: 0.0 for w in found.named})
    return terms


def terms_frame(
    vectors: dict[str, Vector], found: Mapping[str, Participants] | None = None
) -> pl.DataFrame:
    found = found or {}
    rows = [
        (article_id, term, weight)
        for article_id, vector in vectors.items()
        for term, weight in (
            vector | participant_terms(found.get(article_id, Participants()))
        ).items()
    ]
    return pl.DataFrame(rows, schema=TERMS, orient="row")


class BatchSimilarity:
    """Cosines between the articles of one batch, each against those before it
    in arrival order: one sparse product (a join on shared terms), computed
    once per batch instead of once per article and cluster. `found` (the
    batch's participants, in the same order) and `conflict_factor` give the
    incident-level cosines: those of conflicting pairs multiplied by the factor."""

    def __init__(
        self,
        vectors: Sequence[Vector],
        found: Sequence[Participants] | None = None,
        conflict_factor: float = 1.0,
    ) -> None:
        rows = [
            (i, term, weight) for i, vector in enumerate(vectors) for term, weight in vector.items()
        ]
        postings = pl.DataFrame(
            rows, schema={"i": pl.Int64, "term": pl.String, "w": pl.Float64}, orient="row"
        )
        pairs = (
            postings.join(postings, on="term", suffix="_j")
            .filter(pl.col("i_j") < pl.col("i"))
            .group_by("i", "i_j")
            .agg((pl.col("w") * pl.col("w_j")).sum().alias("cosine"))
            .sort("i", "i_j")
        )
        self._earlier = pairs["i_j"].to_numpy()
        self._cosine = pairs["cosine"].to_numpy()
        self._start = np.searchsorted(pairs["i"].to_numpy(), np.arange(len(vectors) + 1))
        self._incident = self._cosine
        if found is not None and conflict_factor != 1.0:
            cast = cast_terms(found, "i")
            clash = conflicts(pairs.select("i", j="i_j"), cast, cast.rename({"i": "j"}))
            self._incident = np.where(clash, self._cosine * conflict_factor, self._cosine)

    def earlier(self, i: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """Indices of the earlier articles sharing a term with article `i`, and the cosines."""
        start, end = self._start[i], self._start[i + 1]
        return self._earlier[start:end], self._cosine[start:end]

    def incident_cosines(self, i: int) -> npt.NDArray[np.float64]:
        """The cosines of `earlier(i)` as the incident level weighs them."""
        return self._incident[self._start[i] : self._start[i + 1]]
