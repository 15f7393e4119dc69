"""Events: who did what to whom, when and where.

A trigger is a content verb or an eventive noun ("meeting", "invasion"). Its
arguments come from the parse: subject (or the passive's agent) as actor,
object as target, a place mention in a locative phrase as location. Its date
is a date expression attached to it, else one attached to the verb that
governs it ("said on Tuesday at the start of a meeting"), resolved against
the publication date with the clause's tense; failing both, the publication
date stands in and says so in `date_source`.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from transforms.cues import CUE_VERBS
from transforms.dates import ResolvedDate, Tense, resolve_date
from transforms.entities import PLACE_LABELS, Mention
from transforms.event_types import EVENTIVE_NOUNS, event_type
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


def _first_resolving(ents: list[Span], published: date, tense: Tense | None) -> ResolvedDate | None:
    for ent in ents:
        resolved = resolve_date(ent.text, published, tense)
        if resolved is not None:
            return resolved
    return None


class _Dates:
    """DATE mentions attached to a trigger, indexed once per doc by that trigger
    and by sentence."""

    def __init__(self, doc: Doc, sentence_of: list[int]) -> None:
        self.by_trigger: dict[int, list[Span]] = {}
        self.by_sentence: dict[int, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            head = ent.root.head
            while head.pos_ == "ADP" and head.head.i != head.i:
                head = head.head
            if head.i != ent.root.i:
                self.by_trigger.setdefault(head.i, []).append(ent)
                self.by_sentence.setdefault(sentence_of[ent.start], []).append(ent)

    def in_sentence(
        self, sentence: int, published: date, tense: Tense | None
    ) -> ResolvedDate | None:
        """A sentence narrates one time: an undated event takes the date stated
        elsewhere in its sentence (the first that resolves)."""
        return _first_resolving(self.by_sentence.get(sentence, []), published, tense)

    def resolve(self, tok: Token, published: date, tense: Tense | None) -> ResolvedDate | None:
        return _first_resolving(self.by_trigger.get(tok.i, []), published, tense)


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


def _arguments(
    tok: Token, by_token: dict[int, Mention]
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    actor = target = None
    if tok.pos_ == "VERB":
        for child in tok.children:
            if child.dep_ == "nsubj":
                actor = _phrase(child, by_token)
            elif child.dep_ == "nsubjpass":
                target = _phrase(child, by_token)
            elif child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    actor = _phrase(pobj, by_token)
            elif child.dep_ in _OBJECTS and target is None:
                target = _phrase(child, by_token)
        if target is None:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
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
    dates = _Dates(doc, sentence_of)
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
        if resolved is None:
            resolved = dates.in_sentence(sentence_of[tok.i], published, tense)
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
                event_type=event_type(lemma),
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
