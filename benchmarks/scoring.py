"""Pure scoring for the accuracy benchmark: spans and strings in, numbers out.

Kept apart from `benchmarks.accuracy` so the rules can be unit-tested on hand-made
inputs without spaCy, and so a change in a figure can be traced to either the
extraction or the scorer, never to both at once. The quote rules replicate the eval
set's own scorer (`shared/eval/quotes/README.md`, "Scoring"), so our figures sit on
the same scale as the recorded textacy baseline.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

# --- shared -------------------------------------------------------------------------


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from counts; an empty side scores 0, not NaN, so
    a summary line always prints and a run with no predictions shows 0."""

    tp: int
    pred: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def ratio(hits: int, total: int) -> float:
    """A share that is 0 rather than a division error when nothing was eligible."""
    return hits / total if total else 0.0


def _is_punct(char: str) -> bool:
    # Unicode categories, not string.punctuation: the articles use curly quotes,
    # apostrophes and dashes that ASCII punctuation would miss.
    return unicodedata.category(char).startswith(("P", "S"))


def tokens(text: str | None) -> list[str]:
    """Lowercased words with punctuation removed (replaced by a space, so
    "Clinton's" gives "clinton", "s" and "U.S." gives "u", "s" on both sides alike)."""
    if not text:
        return []
    cleaned = "".join(" " if _is_punct(c) else c for c in text.lower())
    return cleaned.split()


# --- quotes -------------------------------------------------------------------------

KINDS = ("direct", "mixed", "indirect")
SPEAKER_STOPWORDS = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr"})
# Gold speakers that are pronouns are left out of one speaker figure: "he" ~ "he" is
# easy credit, so the non-pronoun figure shows whether the right person was named.
_SUBJECT = ("i", "we", "you", "he", "she", "it", "they")
_OBJECT = ("me", "us", "him", "her", "them")
_POSSESSIVE = ("my", "our", "your", "his", "its", "their")
_REFLEXIVE = ("myself", "ourselves", "yourself", "himself", "herself", "itself", "themselves")
_RELATIVE = ("who", "whom", "that", "which")
PRONOUNS = frozenset((*_SUBJECT, *_OBJECT, *_POSSESSIVE, *_REFLEXIVE, *_RELATIVE))
# Single quotes are trimmed too and non-breaking spaces are not: with exactly this set
# the recorded textacy scores (peers/textacy_scores.json) are reproduced to 4 places.
TRIM = frozenset(" \t\n\r\"“”„«»‟'‘’.,;:!?")


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    kind: str
    speaker: str | None


@dataclass(frozen=True)
class PredQuote:
    """`speakers` holds every name we offer for the quote (surface mention and
    resolved canonical name); empty means we attribute it to no one."""

    start: int
    end: int
    speakers: tuple[str, ...] = ()


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(a: tuple[int, int], b: tuple[int, int], threshold: float = 0.5) -> bool:
    """Overlap measured against the longer span, so neither a tiny prediction inside
    a long quote nor a paragraph-long prediction around a short one counts."""
    longer = max(a[1] - a[0], b[1] - b[0])
    return longer > 0 and overlap(a, b) >= threshold * longer


def match_spans(
    gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]], threshold: float = 0.5
) -> dict[int, int]:
    """One-to-one matching, greedy by overlap (ties by position), so one long
    prediction covering two gold fragments earns one hit, not two.
    Returns {pred index: gold index}."""
    pairs = [
        (overlap(g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if spans_match(g, p, threshold)
    ]
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_gold: set[int] = set()
    matched: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi in used_gold or pi in matched:
            continue
        used_gold.add(gi)
        matched[pi] = gi
    return matched


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces, quotation marks and .,;:!? so "exact" does not hinge
    on whether a closing comma or quote mark sits inside the span."""
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def speaker_exact(gold: str, pred: str) -> bool:
    return tokens(gold) == tokens(pred) and bool(tokens(gold))


def speaker_partial(gold: str, pred: str) -> bool:
    """Shared content token: "Mr. Obama" ~ "Barack Obama" but not "the man" ~ "the
    woman"; the annotated Source keeps appositives, so exact is too strict alone."""
    g = set(tokens(gold)) - SPEAKER_STOPWORDS
    p = set(tokens(pred)) - SPEAKER_STOPWORDS
    return bool(g & p)


def speaker_credit(gold: str | None, pred: Sequence[str]) -> tuple[bool, bool]:
    """(exact, partial). Any of our candidate names may earn credit, because the
    gold Source is a surface mention while we may have resolved it to a name. A
    gold null (passive, no source) is right only if we also name no one."""
    names = [p for p in pred if p and p.strip()]
    if gold is None:
        return (not names, not names)
    return (
        any(speaker_exact(gold, p) for p in names),
        any(speaker_partial(gold, p) for p in names),
    )


def is_pronoun(speaker: str | None) -> bool:
    return speaker is not None and " ".join(tokens(speaker)) in PRONOUNS


@dataclass
class QuoteCounts:
    """Additive counts, summed over articles before any ratio is taken (micro)."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    exact: int = 0
    speaker_exact: int = 0
    speaker_partial: int = 0
    nonpronoun_matched: int = 0
    nonpronoun_exact: int = 0
    nonpronoun_partial: int = 0
    recall_by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)

    def __iadd__(self, other: QuoteCounts) -> QuoteCounts:
        for name in (
            "gold",
            "pred",
            "matched",
            "exact",
            "speaker_exact",
            "speaker_partial",
            "nonpronoun_matched",
            "nonpronoun_exact",
            "nonpronoun_partial",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for kind, (hit, total) in other.recall_by_kind.items():
            h, t = self.recall_by_kind.get(kind, (0, 0))
            self.recall_by_kind[kind] = (h + hit, t + total)
        return self


@dataclass(frozen=True)
class QuoteScores:
    span: PRF
    exact: PRF
    quote_speaker: PRF
    speaker_exact: float
    speaker_partial: float
    speaker_exact_nonpronoun: float
    speaker_partial_nonpronoun: float
    recall_by_kind: dict[str, tuple[float, int]]


def count_quotes(
    text: str,
    gold: Sequence[GoldQuote],
    pred: Sequence[PredQuote],
    kinds: Iterable[str] | None = None,
) -> QuoteCounts:
    """One article's counts. With `kinds`, gold is restricted to those kinds and a
    prediction matched to a gold quote of another kind is left out entirely (it is
    neither a hit nor a false positive), as the eval README prescribes; matching is
    always done against all gold so restriction cannot re-pair predictions."""
    wanted = set(KINDS if kinds is None else kinds)
    matched = match_spans([(g.start, g.end) for g in gold], [(p.start, p.end) for p in pred])
    kept_gold = [gi for gi, g in enumerate(gold) if g.kind in wanted]
    kept_pred = [
        pi for pi in range(len(pred)) if pi not in matched or gold[matched[pi]].kind in wanted
    ]
    counts = QuoteCounts(gold=len(kept_gold), pred=len(kept_pred))

    gold_hit: set[int] = set()
    for pi in kept_pred:
        if pi not in matched:
            continue
        gi = matched[pi]
        gold_hit.add(gi)
        g, p = gold[gi], pred[pi]
        counts.matched += 1
        exact, partial = speaker_credit(g.speaker, p.speakers)
        counts.speaker_exact += exact
        counts.speaker_partial += partial
        if g.speaker is not None and not is_pronoun(g.speaker):
            counts.nonpronoun_matched += 1
            counts.nonpronoun_exact += exact
            counts.nonpronoun_partial += partial

    # Exact spans are matched on their own (a multiset intersection of trimmed
    # spans), over the same gold and the same kept predictions.
    gold_trimmed = Counter(trim_span(text, gold[gi].start, gold[gi].end) for gi in kept_gold)
    pred_trimmed = Counter(trim_span(text, pred[pi].start, pred[pi].end) for pi in kept_pred)
    counts.exact = sum((gold_trimmed & pred_trimmed).values())

    for kind in sorted(wanted):
        of_kind = [gi for gi in kept_gold if gold[gi].kind == kind]
        counts.recall_by_kind[kind] = (sum(gi in gold_hit for gi in of_kind), len(of_kind))
    return counts


def quote_scores(counts: QuoteCounts) -> QuoteScores:
    """Ratios from summed counts. quote+speaker counts a hit only when the span
    matches and the speaker earns partial credit: the end-to-end figure."""
    return QuoteScores(
        span=PRF(counts.matched, counts.pred, counts.gold),
        exact=PRF(counts.exact, counts.pred, counts.gold),
        quote_speaker=PRF(counts.speaker_partial, counts.pred, counts.gold),
        speaker_exact=ratio(counts.speaker_exact, counts.matched),
        speaker_partial=ratio(counts.speaker_partial, counts.matched),
        speaker_exact_nonpronoun=ratio(counts.nonpronoun_exact, counts.nonpronoun_matched),
        speaker_partial_nonpronoun=ratio(counts.nonpronoun_partial, counts.nonpronoun_matched),
        recall_by_kind={k: (ratio(h, t), t) for k, (h, t) in counts.recall_by_kind.items()},
    )


def score_quotes(
    articles: Iterable[tuple[str, Sequence[GoldQuote], Sequence[PredQuote]]],
    kinds: Iterable[str] | None = None,
) -> QuoteScores:
    """Micro-averaged over articles of (text, gold, predictions)."""
    wanted = None if kinds is None else tuple(kinds)
    total = QuoteCounts()
    for text, gold, pred in articles:
        total += count_quotes(text, gold, pred, wanted)
    return quote_scores(total)


# --- ner ----------------------------------------------------------------------------

NER_LABELS = ("PER", "ORG", "LOC")
_NER_MAP = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def conll_label(label: str) -> str | None:
    """spaCy (OntoNotes) or CoNLL label → the CoNLL class it is scored as, or None
    for classes the two schemes do not share (MISC, NORP, DATE, ...)."""
    return _NER_MAP.get(label)


@dataclass(frozen=True)
class NerScores:
    micro: PRF
    by_label: dict[str, PRF]


def score_entities(
    docs: Iterable[tuple[Sequence[tuple[int, int, str]], Sequence[tuple[int, int, str]]]],
) -> NerScores:
    """Exact character span and mapped label, micro-averaged over PER/ORG/LOC.
    Each doc is (gold, pred) of (start, end, label) with labels in either scheme;
    unmapped labels are dropped on both sides before counting. Predictions are a
    multiset: an extraction that emits the same mention twice pays for it."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for gold, pred in docs:
        g = Counter((s, e, m) for s, e, lab in gold if (m := conll_label(lab)) is not None)
        p = Counter((s, e, m) for s, e, lab in pred if (m := conll_label(lab)) is not None)
        for (_, _, label), n in (g & p).items():
            tp[label] += n
        for (_, _, label), n in g.items():
            n_gold[label] += n
        for (_, _, label), n in p.items():
            n_pred[label] += n
    by_label = {lab: PRF(tp[lab], n_pred[lab], n_gold[lab]) for lab in NER_LABELS}
    micro = PRF(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return NerScores(micro=micro, by_label=by_label)


# --- events -------------------------------------------------------------------------

EVENT_SLOTS = ("who", "what", "when", "where")


def token_f1(pred: str | None, gold: str | None) -> float:
    """Bag-of-words F1; coders' phrases are often not verbatim substrings of the
    text, so character offsets cannot be compared."""
    p, g = tokens(pred), tokens(gold)
    common = sum((Counter(p) & Counter(g)).values())
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def fuzzy_match(pred: str | None, candidates: Iterable[str | None], threshold: float = 0.5) -> bool:
    """Any coder's phrase will do: the three coders disagree, and the README asks to
    score against all candidates, not only the majority one."""
    return any(c is not None and token_f1(pred, c) >= threshold for c in candidates)


@dataclass(frozen=True)
class EventGuess:
    """The fields of one extracted event row that the slot scoring reads."""

    start_char: int
    event_type: str | None
    actor_text: str | None
    trigger_text: str | None
    target_text: str | None
    location_text: str | None
    date_text: str | None
    event_date: date | None


def pick_main_event(events: Sequence[EventGuess]) -> EventGuess | None:
    """The article's main event: the earliest in the text that has an actor and is
    not a `statement`, else the earliest with an actor, else the earliest at all.
    News puts the main event first (title, lede), and a bare "said" is rarely it."""

    def has_actor(e: EventGuess) -> bool:
        return bool(e.actor_text and e.actor_text.strip())

    for keep in (
        lambda e: has_actor(e) and e.event_type != "statement",
        has_actor,
        lambda e: True,
    ):
        chosen = [e for e in events if keep(e)]
        if chosen:
            return min(chosen, key=lambda e: e.start_char)
    return None


def what_text(event: EventGuess) -> str:
    return " ".join(t for t in (event.trigger_text, event.target_text) if t)


def slot_hits(
    event: EventGuess | None,
    candidates: Mapping[str, Sequence[str | None]],
    when_parsed: date | None,
) -> dict[str, bool]:
    """Whether our main event fills each slot: fuzzy text match against any coder
    candidate; `when` may instead match by resolved date, since "Tuesday" and "Nov
    8" name the same day without sharing a token."""
    if event is None:
        return dict.fromkeys(EVENT_SLOTS, False)
    return {
        "who": fuzzy_match(event.actor_text, candidates.get("who", ())),
        "what": fuzzy_match(what_text(event), candidates.get("what", ())),
        "where": fuzzy_match(event.location_text, candidates.get("where", ())),
        "when": fuzzy_match(event.date_text, candidates.get("when", ()))
        or (when_parsed is not None and event.event_date == when_parsed),
    }


@dataclass(frozen=True)
class ClusterScores:
    """B-cubed (per item, averaged) and pairwise (over same-cluster pairs)."""

    b3_precision: float
    b3_recall: float
    pairwise: PRF

    @property
    def b3_f1(self) -> float:
        p, r = self.b3_precision, self.b3_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_clusters(gold: Mapping[str, str], pred: Mapping[str, str]) -> ClusterScores:
    """`gold` and `pred` map each item to its cluster; an item missing from
    `pred` is a cluster of its own."""
    items = sorted(gold)
    predicted = {item: pred.get(item, f"\0{item}") for item in items}
    gold_members: dict[str, set[str]] = {}
    pred_members: dict[str, set[str]] = {}
    for item in items:
        gold_members.setdefault(gold[item], set()).add(item)
        pred_members.setdefault(predicted[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        both = len(gold_members[gold[item]] & pred_members[predicted[item]])
        precision += both / len(pred_members[predicted[item]])
        recall += both / len(gold_members[gold[item]])

    def pairs(members: Iterable[set[str]]) -> set[tuple[str, str]]:
        return {(a, b) for group in members for a in group for b in group if a < b}

    gold_pairs, pred_pairs = pairs(gold_members.values()), pairs(pred_members.values())
    n = len(items) or 1
    return ClusterScores(
        precision / n,
        recall / n,
        PRF(len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs)),
    )
