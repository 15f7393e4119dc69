"""Events: who did what to whom, when and where.

A trigger is a content verb or an eventive noun ("meeting", "invasion"). Its
arguments come from the parse: subject (or the passive's agent) as actor,
object as target, a place mention in a locative phrase as location. Its date
is a date expression attached to it, else one attached to the verb that
governs it ("said on Tuesday at the start of a meeting"), else one stated
elsewhere in its sentence, resolved against the publication date with the
clause's tense. A headline or lede rarely dates its news ("Clinton blames
Comey"); the body does, so an undated event there takes the lead's day (see
`_Dates.of_lead`). Failing all, the publication date stands in and says so in
`date_source`.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.cues import CUE_VERBS
from transforms.dates import (
    TIME_OF_DAY,
    ResolvedDate,
    Tense,
    beyond_window,
    resolve_date,
    time_of_day_only,
)
from transforms.entities import PLACE_LABELS, Mention
from transforms.event_types import ARMED, EVENTIVE_NOUNS, event_type
from transforms.speakers import SpeakerResolver

MODALITIES = ("asserted", "planned", "reported", "hypothetical")
# Where an event's date came from; "publication" stands in when the text gives none.
DATE_SOURCES = ("explicit", "relative", "publication")
SKIP_VERBS = frozenset(
    "be have do get seem appear become remain let go come want need try use include".split()
)
PLANNING_VERBS = frozenset("set plan intend schedule expect aim prepare going due".split())
LIGHT_VERBS = frozenset(
    "start begin open end close take hold continue conclude kick wrap resume".split()
)
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "from"})
TARGET_PREPS = frozenset({"against", "on", "to", "with", "into"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})


@dataclass(frozen=True)
class Event:
    sentence_index: int
    trigger_lemma: str
    trigger_text: str
    event_type: str
    actor_text: str | None
    actor: Mention | None
    target_text: str | None
    target: Mention | None
    location_text: str | None
    location: Mention | None
    event_date: date
    date_text: str | None
    date_precision: str
    date_source: str
    modality: str
    negated: bool
    start: int
    end: int


def _is_trigger(tok: Token) -> bool:
    if tok.lower_ == "according":
        return False
    if tok.pos_ == "VERB":
        lemma = tok.lemma_.lower()
        return tok.is_alpha and lemma not in SKIP_VERBS and tok.dep_ not in ("amod", "compound")
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in EVENTIVE_NOUNS


def _phrase(tok: Token, by_token: dict[int, Mention]) -> tuple[int, int]:
    """A noun phrase without its clauses and prepositional tails."""
    if tok.i in by_token:
        m = by_token[tok.i]
        return m.token_start, m.token_end
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "compound", "amod", "poss", "nummod", "nmod", "quantmod"):
            start = min(start, child.left_edge.i)
    return start, tok.i + 1


def _governor(tok: Token) -> Token | None:
    """The nearest verb above a token, through prepositions and nouns."""
    head = tok.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != tok.i else None


def _tense(verb: Token | None) -> Tense | None:
    if verb is None:
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PLANNING_VERBS:
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _tense(verb.head)
    return "present"


# A date after these bounds a span of time ("the first title since 1908"); the
# event did not happen on it.
BOUNDING_PREPS = frozenset({"since", "from", "until", "till", "through", "throughout"})
NOUN_PREMODIFIERS = frozenset({"poss", "compound", "nummod", "amod"})
# Before a clock time the model leaves untagged ("shortly after 06:00 GMT").
CLOCK_PREPS = frozenset({"at", "after", "before", "around", "about", "by", "from", "until"})
# The opening that states the news: a headline and the sentence after it (a
# kicker such as "BREAKING NEWS:" may take the first), or a lede's first two.
HEADLINE_SENTENCES = 2
# English names a weekday only within the past week; an older day is background.
LEAD_DAYS = 7


@dataclass(frozen=True)
class _DateMention:
    span: Span
    verb: Token | None
    time_only: bool
    region: tuple[int, int] | None  # the quote it lies in, if any

    @property
    def rank(self) -> tuple[bool, bool]:
        """A date before a noun ("Tuesday's election", "their Nov. 2 victory")
        names that noun's time, not its sentence's; a bare time of day only
        stands for the publication day."""
        return (self.span.root.dep_ in NOUN_PREMODIFIERS, self.time_only)


def _titled_day(span: Span) -> bool:
    """A capitalised "Today" inside a sentence is a name (Radio 4's Today
    programme, the Tonight Show), not the publication day."""
    word = span[0]
    return (
        len(span) == 1
        and word.lower_ in _DAY_WORDS
        and word.text[:1].isupper()
        and word.i > 0
        and not word.is_sent_start
        and not word.nbor(-1).is_punct  # after a quote mark or colon it starts a sentence
    )


def _date_spans(doc: Doc) -> list[Span]:
    """DATE and TIME mentions, plus clock times the model leaves untagged; a
    time of day and the day it belongs to are one expression ("Wednesday
    night", "the early hours of Thursday", "6am on Tuesday"), which the model
    tags as two."""
    found = [
        (e.start, e.end, e.label_)
        for e in doc.ents
        if e.label_ in ("DATE", "TIME") and not _titled_day(e)
    ]
    tagged = {i for start, end, _ in found for i in range(start, end)}
    for i in range(1, len(doc)):
        if i in tagged or doc[i - 1].lower_ not in CLOCK_PREPS:
            continue
        ends = [j for j in range(i + 1, min(i + 4, len(doc)) + 1) if tagged.isdisjoint(range(i, j))]
        clock = [
            j for j in ends if not doc[j - 1].is_punct and TIME_OF_DAY.fullmatch(doc[i:j].text)
        ]
        if clock:
            found.append((i, max(clock), "TIME"))
            tagged.update(range(i, max(clock)))
    merged: list[tuple[int, int, str]] = []
    for start, end, label in sorted(found):
        if merged:
            last_start, last_end, last_label = merged[-1]
            gap = doc[last_end:start]
            joined = len(gap) == 0 or (len(gap) == 1 and gap[0].lower_ in ("of", "on"))
            if joined and "TIME" in (label, last_label):
                merged[-1] = (last_start, end, "TIME")
                continue
        merged.append((start, end, label))
    return [doc[start:end] for start, end, _ in merged]


def _region(char: int, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The reported content (a quote's span) a character lies in, if any."""
    return next(((start, end) for start, end in quoted if start <= char < end), None)


def _first_resolving(
    mentions: list[_DateMention], published: date, tense: Tense | None
) -> ResolvedDate | None:
    for mention in sorted(mentions, key=lambda m: m.rank):
        resolved = resolve_date(mention.span.text, published, tense)
        if resolved is not None:
            return resolved
    return None


class _Dates:
    """Date mentions attached to a trigger, indexed once per doc by that trigger
    and by sentence."""

    def __init__(self, doc: Doc, sentence_of: list[int], quoted: list[tuple[int, int]]) -> None:
        self.by_trigger: dict[int, list[_DateMention]] = {}
        self.by_sentence: dict[int, list[_DateMention]] = {}
        for span in _date_spans(doc):
            head = span.root.head
            bounded = False
            while (head.pos_ == "ADP" or head.dep_ == "prep") and head.head.i != head.i:
                bounded = bounded or head.lower_ in BOUNDING_PREPS
                head = head.head
            if head.i == span.root.i or bounded:
                continue
            verb = head if head.pos_ in ("VERB", "AUX") else _governor(head)
            mention = _DateMention(
                span, verb, time_of_day_only(span.text), _region(span.start_char, quoted)
            )
            self.by_trigger.setdefault(head.i, []).append(mention)
            self.by_sentence.setdefault(sentence_of[span.start], []).append(mention)

    def in_sentence(
        self, sentence: int, published: date, tense: Tense | None, region: tuple[int, int] | None
    ) -> ResolvedDate | None:
        """A sentence narrates one time: an undated event takes the date stated
        elsewhere in its sentence, but on its own side of a report. "GM added
        that sales fell in February": February dates the fall, not the adding,
        and a date the narration gives does not date what a quote says."""
        same_side = [m for m in self.by_sentence.get(sentence, []) if m.region == region]
        return _first_resolving(same_side, published, tense)

    def resolve(self, tok: Token, published: date, tense: Tense | None) -> ResolvedDate | None:
        return _first_resolving(self.by_trigger.get(tok.i, []), published, tense)

    def beyond_window(self, tok: Token, published: date, tense: Tense | None) -> bool:
        """Dated by its own expression outside the window ("will open in 2040",
        "was stolen in 1890"): another date of the sentence or the lead's day
        would be wrong, so the publication date stands in, saying so."""
        return any(
            beyond_window(m.span.text, published, tense) for m in self.by_trigger.get(tok.i, [])
        )

    def of_lead(self, published: date) -> ResolvedDate | None:
        """The day of the news an article leads with. Headlines leave it out and
        the body gives it later ("Clinton blames Comey" ... "told donors on
        Saturday"), so it is the first day the article names, read with its own
        clause's tense, in the week up to publication; older days are
        background ("their title 108 years ago"), later ones plans."""
        for sentence in sorted(self.by_sentence):
            for mention in sorted(self.by_sentence[sentence], key=lambda m: m.rank):
                resolved = resolve_date(mention.span.text, published, _tense(mention.verb))
                if (
                    resolved is not None
                    and resolved.precision == "day"
                    and 0 <= (published - resolved.value).days <= LEAD_DAYS
                ):
                    return resolved
        return None


def _reported(tok: Token, quoted: list[tuple[int, int]]) -> bool:
    if any(start <= tok.idx < end for start, end in quoted):
        return True
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in CUE_VERBS:
            return True
        node = node.head
    return False


def _modality(tok: Token, verb: Token | None, quoted: list[tuple[int, int]]) -> str:
    clause = verb or tok
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if auxes & HYPOTHETICAL_AUX or marks & CONDITIONAL_MARKS:
        return "hypothetical"
    if _tense(clause) == "future":
        return "planned"
    if tok.lemma_.lower() not in CUE_VERBS and _reported(tok, quoted):
        return "reported"
    return "asserted"


def _negated(tok: Token, verb: Token | None) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.pos_ == "NOUN":
        return any(c.lower_ == "no" for c in tok.children if c.dep_ == "det")
    return False


def _relative(child: Token, clause: Token) -> bool:
    return child.lower_ in _RELATIVE_PRONOUNS and clause.dep_ == "relcl"


def _arguments(
    tok: Token, by_token: dict[int, Mention]
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    actor = target = None
    if tok.pos_ == "VERB":
        for child in tok.children:
            # "the minister who resigned": the clause's "who" is the noun it hangs from.
            subject = tok.head if _relative(child, tok) else child
            if child.dep_ == "nsubj":
                actor = _phrase(subject, by_token)
            elif child.dep_ == "nsubjpass":
                target = _phrase(subject, by_token)
            elif child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    actor = _phrase(pobj, by_token)
            elif child.dep_ in _OBJECTS and target is None and child.ent_type_ not in _WHEN:
                target = _phrase(child, by_token)
        if target is None:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None and pobj.ent_type_ not in _WHEN:
                        target = _phrase(pobj, by_token)
                        break
        if actor is None and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.pos_ == "VERB":
            actor, _ = _arguments(tok.head, by_token)
    else:
        for child in tok.children:
            if child.dep_ == "poss":
                actor = _phrase(child, by_token)
            elif child.dep_ == "prep" and child.lower_ in ("of", "by", "between", "against", "on"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if child.lower_ in ("by", "between") or (child.lower_ == "of" and actor is None):
                    actor = actor or _phrase(pobj, by_token)
                elif target is None:
                    target = _phrase(pobj, by_token)
    return actor, target


_WHEN = frozenset({"DATE", "TIME"})
_DAY_WORDS = frozenset({"today", "tonight", "tomorrow", "yesterday"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "xcomp", "csubj"})


def _location(tok: Token, by_token: dict[int, Mention]) -> Mention | None:
    """A place in a locative phrase of the trigger's own clause ("met in Brussels",
    "the attack on a market in Kabul"), searched nearest first; subordinate
    clauses describe other events and are not searched."""
    frontier = deque([tok])
    while frontier:
        node = frontier.popleft()
        for child in node.children:
            if child.dep_ in _CLAUSES:
                continue
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                for pobj in child.children:
                    m = by_token.get(pobj.i)
                    if pobj.dep_ == "pobj" and m is not None and m.label in PLACE_LABELS:
                        return m
            frontier.append(child)
    return None


def extract_events(
    doc: Doc,
    mentions: list[Mention],
    sentence_of: list[int],
    resolver: SpeakerResolver,
    published: date,
    quoted: list[tuple[int, int]],
) -> list[Event]:
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    dates = _Dates(doc, sentence_of, quoted)
    armed = {sentence_of[t.i] for t in doc if t.lower_ in ARMED}
    lead = dates.of_lead(published)
    events: list[Event] = []
    for tok in doc:
        if not _is_trigger(tok):
            continue
        verb = tok if tok.pos_ == "VERB" else _governor(tok)
        if tok.pos_ == "VERB" and tok.dep_ == "xcomp" and tok.lemma_.lower() in PLANNING_VERBS:
            continue
        tense = _tense(verb)
        resolved = dates.resolve(tok, published, tense)
        if resolved is None and verb is not None and verb.i != tok.i:
            resolved = dates.resolve(verb, published, tense)
        own_beyond = resolved is None and any(
            dates.beyond_window(t, published, tense) for t in {tok, verb} if t is not None
        )
        if resolved is None and not own_beyond:
            resolved = dates.in_sentence(
                sentence_of[tok.i], published, tense, _region(tok.idx, quoted)
            )
        if (
            resolved is None
            and not own_beyond
            and sentence_of[tok.i] < HEADLINE_SENTENCES
            and tense != "future"
        ):
            resolved = lead
        location = _location(tok, by_token)
        noun_of_light_verb = (
            tok.pos_ == "NOUN"
            and verb is not None
            and tok.dep_ in ("nsubj", "nsubjpass")
            and verb.lemma_.lower() in LIGHT_VERBS
        )
        if location is None and noun_of_light_verb and verb is not None:
            location = _location(verb, by_token)
        actor_span, target_span = _arguments(tok, by_token)
        actor = resolver.resolve(*actor_span) if actor_span else None
        target = resolver.named(*target_span) if target_span else None
        lemma = tok.lemma_.lower()
        events.append(
            Event(
                sentence_index=sentence_of[tok.i],
                trigger_lemma=lemma,
                trigger_text=tok.text,
                event_type=event_type(lemma, sentence_of[tok.i] in armed),
                actor_text=doc[actor_span[0] : actor_span[1]].text if actor_span else None,
                actor=actor,
                target_text=doc[target_span[0] : target_span[1]].text if target_span else None,
                target=target,
                location_text=location.text if location else None,
                location=location,
                event_date=resolved.value if resolved else published,
                date_text=resolved.text if resolved else None,
                date_precision=resolved.precision if resolved else "day",
                date_source=resolved.source if resolved else "publication",
                modality=_modality(tok, verb, quoted),
                negated=_negated(tok, verb),
                start=tok.idx,
                end=tok.idx + len(tok.text),
            )
        )
    return events
