"""Named-entity mentions with document-level consistency.

spaCy labels each mention on its own, so a surname repeated after the full
name often comes back as ORG or GPE, and titles or a leading "the" end up
inside spans. A reader resolves all of these from the article itself: the
surname is the person named earlier, the acronym is the organisation spelled
out earlier. This module makes those document-level decisions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from transforms.ids import content_id
from transforms.roles import TITLE_WORDS

ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels a mislabelled surname typically gets; others (EVENT, LAW, ...) are kept as they are.
NAME_LIKE = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT"})
_LEADING_DROP = frozenset({"the", "a", "an"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "on", "in", "de"})


@dataclass
class Mention:
    """One entity mention; `key` links mentions of one real-world entity."""

    start: int
    end: int
    token_start: int
    token_end: int
    text: str
    label: str
    name: str
    key: str
    sentence_index: int
    roles: set[str] = field(default_factory=set)


def label_group(label: str) -> str:
    """Labels that can name the same real-world thing share a group."""
    return "PLACE" if label in PLACE_LABELS else label


def entity_id(label: str, key: str) -> str:
    return content_id(label_group(label), key.casefold())


def sentence_starts(doc: Doc) -> list[int]:
    """Token index → sentence index, computed once per doc."""
    index = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def _trim(span: Span) -> tuple[int, int] | None:
    """Token bounds without a leading article, titles (people only) or a possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in _LEADING_DROP:
        start += 1
    if span.label_ == "PERSON":
        while end - start > 1 and doc[start].lower_ in TITLE_WORDS:
            start += 1
    while end > start and doc[end - 1].text in _POSSESSIVE:
        end -= 1
    while end > start and not doc[end - 1].text[-1:].isalnum() and doc[end - 1].text != ".":
        end -= 1
    return (start, end) if start < end else None


def _roles(doc: Doc, start: int, end: int) -> set[str]:
    """Title and role words written around a person's name: left compounds and
    titles, the noun the name is in apposition to, and appositive nouns."""
    words: set[str] = set()
    i = start - 1
    while i >= 0 and (doc[i].dep_ in ("compound", "amod") or doc[i].lower_ in TITLE_WORDS):
        if doc[i].is_alpha:
            words.add(doc[i].lower_)
        i -= 1
    root = doc[start:end].root
    heads: list[Token] = []
    if root.dep_ == "appos":
        heads.append(root.head)
    heads.extend(child for child in root.children if child.dep_ == "appos")
    for head in heads:
        for tok in head.subtree:
            outside = not (start <= tok.i < end)
            if (
                outside
                and tok.is_alpha
                and not tok.is_stop
                and tok.pos_ in ("NOUN", "PROPN", "ADJ")
            ):
                words.add(tok.lower_)
    return words


def _acronym(tokens: list[str]) -> str | None:
    letters = [t[0] for t in tokens if t.lower() not in _ACRONYM_SKIP and t[:1].isupper()]
    return "".join(letters) if len(letters) >= 2 else None


def extract_mentions(doc: Doc, sentence_of: list[int]) -> list[Mention]:
    mentions: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        bounds = _trim(ent)
        if bounds is None:
            continue
        start, end = bounds
        span = doc[start:end]
        text = span.text
        mentions.append(
            Mention(
                start=span.start_char,
                end=span.end_char,
                token_start=start,
                token_end=end,
                text=text,
                label=ent.label_,
                name=text,
                key=text,
                sentence_index=sentence_of[start],
                roles=_roles(doc, start, end) if ent.label_ == "PERSON" else set(),
            )
        )
    _link_surnames(doc, mentions, sentence_of)
    _link_acronyms(mentions)
    _harmonise_labels(mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _link_surnames(doc: Doc, mentions: list[Mention], sentence_of: list[int]) -> None:
    """A lone surname (or given name + surname subset) of a person named in full
    elsewhere in the article is that person, whatever spaCy labelled it."""
    full: dict[str, set[str]] = {}
    roles: dict[str, set[str]] = {}
    for m in mentions:
        parts = m.text.split()
        if m.label == "PERSON" and len(parts) >= 2:
            full.setdefault(parts[-1], set()).add(m.text)
            roles.setdefault(m.text, set()).update(m.roles)
    surnames = {s: next(iter(names)) for s, names in full.items() if len(names) == 1}
    if not surnames:
        return
    covered: set[int] = set()
    for m in mentions:
        covered.update(range(m.token_start, m.token_end))
        if m.label in NAME_LIKE and " " not in m.text and m.text in surnames:
            name = surnames[m.text]
            m.label, m.name, m.key = "PERSON", name, name
            m.roles.update(roles[name])
    for m in mentions:
        if m.label == "PERSON" and m.text in roles:
            m.roles.update(roles[m.text])
    for tok in doc:
        if tok.i not in covered and tok.pos_ == "PROPN" and tok.text in surnames:
            name = surnames[tok.text]
            mentions.append(
                Mention(
                    start=tok.idx,
                    end=tok.idx + len(tok.text),
                    token_start=tok.i,
                    token_end=tok.i + 1,
                    text=tok.text,
                    label="PERSON",
                    name=name,
                    key=name,
                    sentence_index=sentence_of[tok.i],
                    roles=set(roles[name]),
                )
            )


def _link_acronyms(mentions: list[Mention]) -> None:
    """An all-capitals mention whose letters are the initials of a multi-word
    organisation in the same article is that organisation; the acronym is the
    link key because it is how other articles name it too."""
    expansions: dict[str, str] = {}
    for m in mentions:
        parts = m.text.split()
        if m.label == "ORG" and len(parts) >= 2 and (acronym := _acronym(parts)):
            expansions.setdefault(acronym, m.text)
    used = {m.text for m in mentions} & expansions.keys()
    for m in mentions:
        if m.text in used:
            m.label, m.name, m.key = "ORG", expansions[m.text], m.text
        elif m.label == "ORG" and " " in m.text and (acronym := _acronym(m.text.split())) in used:
            m.key = acronym or m.key


def _harmonise_labels(mentions: list[Mention]) -> None:
    """Every mention of one key takes the key's most common label, except that a
    key naming a person in full (a linked surname included) is a person."""
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        votes.setdefault(m.key, Counter())[m.label] += 1
    people = {m.key for m in mentions if m.label == "PERSON" and " " in m.key}
    for m in mentions:
        m.label = "PERSON" if m.key in people else votes[m.key].most_common(1)[0][0]
