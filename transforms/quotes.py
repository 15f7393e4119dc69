"""Quotes: who said what.

Direct quotes are found from quotation marks (paired within a paragraph, and
continued across paragraphs the way news prints long quotes: no closing mark,
next paragraph opens with one). Indirect speech comes from the parse: a cue
verb with a clausal complement, a parenthetical cue, or "according to X".
Speakers come from the cue's subject; a quote without a cue of its own takes
the speaker of the quote before it, as a reader would.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from transforms.cues import (
    ACCORDING_TO,
    ADDRESSEE_VERBS,
    BELIEF_ADJECTIVES,
    COLON,
    COLON_SOURCES,
    CUE_VERBS,
    DELIVERY_VERBS,
    DIRECTIVE_NOUNS,
    DIRECTIVE_VERBS,
    EVIDENCE_VERBS,
    FINDING_VERBS,
    INTENTION_VERBS,
    KNOWING_VERBS,
    MENTAL_VERBS,
    OBJECT_CUES,
    OBJECT_EVIDENCE,
    PREPOSITION_CUES,
    SOURCES,
    SPEECH_NOUNS,
    STANCE_VERBS,
    TOPIC_CUES,
)
from transforms.entities import Mention
from transforms.speakers import SpeakerResolver

QUOTE_KINDS = ("direct", "indirect", "mixed")
OPEN_MARKS = "“«„"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
ALL_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT
# Some archives (the New York Times' among them) print “ and ” as two apostrophes.
DOUBLED_APOSTROPHE = "''"
_STRIP = ALL_MARKS + "' "
_BEFORE_OPEN = frozenset("([{—–-/")
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-/")
# A mark hugging the punctuation that introduces speech may open it ('said,"...').
_LEADS_IN = frozenset(",:;")
MIN_QUOTE_WORDS = 4
AFTER_WINDOW = 30
BEFORE_WINDOW = 30
MAX_COLON_SOURCE = 6
_SENTENCE_END = frozenset({".", "!", "?"})
_EDGE_PUNCT = frozenset(".,;:—–-")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLAUSE_CORE = _SUBJECTS | {"csubj", "csubjpass", "expl", "ccomp"}
_NAME_PARTS = frozenset({"det", "compound", "amod", "poss", "nmod", "flat", "case", "nummod"})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Quote:
    kind: str
    start: int
    end: int
    speaker_text: str | None
    speaker: Mention | None
    cue: str | None
    sentence_index: int


@dataclass(frozen=True)
class Marked:
    """A stretch of text between quotation marks (marks included)."""

    start: int
    end: int
    paragraph: int
    open_ended: bool = False
    continues: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _straight_side(text: str, start: int, end: int) -> Literal["open", "close"] | None:
    """Which way a straight mark faces, from its neighbours: an opening mark
    hugs the word after it ( "We ), a closing one the word or punctuation
    before it (said." ); a mark with space or words on both sides is read by
    pairing alone."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if (before.isspace() or before in _BEFORE_OPEN) and not after.isspace():
        return "open"
    if after.isspace():
        return None if before.isspace() else "close"
    if after in _AFTER_CLOSE and before not in _LEADS_IN:
        return "close"
    return None


def marked_spans(text: str) -> list[Marked]:
    """Pair quotation marks paragraph by paragraph; a paragraph left open that is
    followed by one opening with a mark is one quote running on. Straight
    marks face the way their neighbours say (`_straight_side`): one facing
    closed with nothing open is a stray and opens nothing, so the narration
    after it is never taken for a quote; one facing open inside an open quote
    is a paragraph break the text lost, and the quote runs on from it."""
    found: list[Marked] = []
    previous_open_ended = False
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        opened: int | None = None
        first_in_paragraph = True
        run_on = opened_straight = False
        i = p_start
        while i < p_end:
            ch = text[i]
            width = 2 if text.startswith(DOUBLED_APOSTROPHE, i) else 1
            straight = ch == STRAIGHT or width == 2
            side = _straight_side(text, i, i + width) if straight else None
            if straight and opened is None and side == "close":
                pass
            elif straight and opened is not None and opened_straight and side == "open":
                found.append(_open_ended(text, opened, i, number, run_on))
                opened, first_in_paragraph, run_on = i, False, True
            elif ch in OPEN_MARKS or (straight and opened is None):
                opened, opened_straight = i, straight
            elif (ch in CLOSE_MARKS or straight) and opened is not None:
                continues = run_on or (
                    first_in_paragraph and previous_open_ended and opened == p_start
                )
                found.append(Marked(opened, i + width, number, continues=continues))
                opened, first_in_paragraph, run_on = None, False, False
            i += width
        previous_open_ended = opened is not None
        if opened is not None:
            continues = first_in_paragraph and opened == p_start and bool(found)
            found.append(_open_ended(text, opened, p_end, number, continues))
    return found


def _open_ended(text: str, start: int, end: int, paragraph: int, continues: bool) -> Marked:
    """A quote with no closing mark runs to `end`, less the space before it."""
    stripped = start + len(text[start:end].rstrip())
    return Marked(start, stripped, paragraph, open_ended=True, continues=continues)


_TITLE_SMALL = frozenset({"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "with"})


def looks_like_title(quoted: str) -> bool:
    """Names of shows, books and slogans are printed in marks in Title Case."""
    words = _WORD.findall(quoted)
    return 2 <= len(words) <= 8 and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)


def is_quotation(quoted: str) -> bool:
    """Speech, not a title: several words, or a closing punctuation mark inside
    the marks ("No," he said). Short ones still need a cue (see `extract_quotes`)."""
    inner = quoted.strip(_STRIP)
    words = _WORD.findall(inner)
    if not words or looks_like_title(inner):
        return False
    return inner[-1:] in ",.!?…" or len(words) >= MIN_QUOTE_WORDS


def _sentence(inner: str) -> bool:
    """A whole sentence in marks ("Very good.") after another quote of the
    paragraph is more of that speech however short; a title or a scare-quoted
    phrase does not end like a sentence."""
    return inner[:1].isupper() and inner.rstrip(",")[-1:] in ".!?"


def _is_mark(tok: Token) -> bool:
    return tok.text in ALL_MARKS or tok.text == DOUBLED_APOSTROPHE


class _Tokens:
    """Character offset → token index lookups for one doc, and its text
    (`Doc.text` joins every token again on each call)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.starts = [t.idx for t in doc]

    def at(self, char: int) -> int:
        """Index of the token containing `char` (or the next one)."""
        i = bisect_right(self.starts, char) - 1
        if i >= 0 and char < self.starts[i] + len(self.doc[i].text):
            return i
        return min(i + 1, len(self.doc) - 1)

    def after(self, char: int) -> int:
        return bisect_left(self.starts, char)


def _phrase(tok: Token, resolver: SpeakerResolver) -> tuple[int, int]:
    """Token bounds of a speaker phrase: the named mention, or the noun with
    its determiner and modifiers (appositives and clauses left out)."""
    named = resolver.named(tok.i, tok.i + 1)
    if named is not None and named.token_start <= tok.i < named.token_end:
        return named.token_start, named.token_end
    left = [c.i for c in tok.lefts if c.dep_ in _NAME_PARTS]
    start = min([tok.i, *left])
    for c in tok.lefts:
        if c.dep_ in _NAME_PARTS:
            start = min(start, c.left_edge.i)
    return start, tok.i + 1


def _subject(
    verb: Token, resolver: SpeakerResolver, outside: tuple[int, int] = (0, 0)
) -> tuple[int, int] | None:
    """The speaker phrase of a cue verb; `outside` is a quote's character span,
    inside which no subject of the cue can stand. A passive cue ("X is expected
    to ...", "it was reported that ...") speaks of its subject: its source, if
    any, is the "by" agent."""
    if _passive(verb):
        return _agent(verb, resolver)
    return _clause_subject(verb, resolver, outside)


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _agent(verb: Token, resolver: SpeakerResolver) -> tuple[int, int] | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    named = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    return _phrase(named, resolver) if named is not None else None


def _clause_subject(
    verb: Token, resolver: SpeakerResolver, outside: tuple[int, int]
) -> tuple[int, int] | None:
    """Who does what a verb says, passive or not ("The minister was asked about
    it and said ..."): its own subject, or that of the verb it hangs from."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS and not (outside[0] <= child.idx < outside[1]):
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return _phrase(verb.head, resolver)
            return _phrase(child, resolver)
    reported = verb.head.dep_ == "ccomp" and _is_cue(verb.head.head)
    own_clause = any(_complete_that_clause(c) for c in verb.children)
    if verb.dep_ == "conj" and reported and own_clause and _reports(verb):
        # "conceded that A had touched B but implied ...": the parser hangs the
        # second report on the first one's content; its speaker is the first's.
        return _subject(verb.head.head, resolver, outside)
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _clause_subject(verb.head, resolver, outside)
    root = verb.sent.root
    if verb.tag_ == "VBG" and root.i < verb.i and root.pos_ in ("VERB", "AUX"):
        # "X made the plea, saying ...": a participle's speaker is the clause's subject.
        return _clause_subject(root, resolver, outside)
    return None


def _is_cue(tok: Token) -> bool:
    if tok.pos_ != "VERB" or tok.dep_ == "amod":
        return False  # "a written statement", "the reported deal" report nothing
    lemma = tok.lemma_.lower()
    if lemma in EVIDENCE_VERBS:
        if lemma in FINDING_VERBS and any(_complete_that_clause(c) for c in tok.children):
            return True  # "the Justice Department found that ...": a finding, whoever found it
        has_subject = any(c.dep_ in _SUBJECTS for c in tok.children)
        holder = (
            tok.head if tok.dep_ == "conj" and not has_subject else tok
        )  # "taken ... and showed"
        return any(
            c.dep_ == "nsubj" and (c.lower_ in SOURCES or c.lemma_.lower() in SOURCES)
            for c in holder.children
        )
    if lemma in INTENTION_VERBS and lemma not in CUE_VERBS:
        return bool(_intended(tok))
    if lemma in KNOWING_VERBS:
        return any(_finite_statement(c) for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i)
    return lemma in CUE_VERBS or lemma in OBJECT_CUES


def _intended(tok: Token) -> list[Token]:
    """The infinitive of an intention verb ("plans to run"). One that reports a
    clause of its own ("is expected to announce that ...") is that report, not
    an intention around it."""
    return [
        c
        for c in tok.children
        if c.dep_ == "xcomp" and c.i > tok.i and _infinitive(c) and not _reports_clause(c)
    ]


def _reports_clause(verb: Token) -> bool:
    return _reports(verb) and any(
        g.dep_ == "ccomp" or _complete_that_clause(g) for g in verb.children
    )


def _infinitive(clause: Token) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


_WH_OPENERS = frozenset("how why what whether if when where who which".split())


def _finite_statement(clause: Token) -> bool:
    """A clause that states something: it has a subject and does not open with a
    question word ("knows how it works" is no belief)."""
    first = clause.left_edge
    if first.lower_ in _WH_OPENERS or first.tag_ in ("WDT", "WP", "WRB"):
        return False
    return any(c.dep_ in _SUBJECTS for c in clause.children)


def _reports(tok: Token) -> bool:
    """A cue that reports speech of its own, not only a topic or a stance."""
    pointed_out = any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    return _is_cue(tok) and (tok.lemma_.lower() not in TOPIC_CUES or pointed_out)


@dataclass
class _Candidate:
    kind: str
    start: int
    end: int
    cue: str | None
    subject: tuple[int, int] | None
    inherit: bool
    paragraph_only: bool
    paragraph: int
    continues: bool = False


_TAIL_OPENERS = frozenset({"according", "when", "despite", "after", "before"})
_RELATIVES = frozenset({"which", "who", "whose", "whom"})


def _closing_relative(doc: Doc, comma: int, end: int) -> bool:
    """A non-restrictive relative clause that closes the span (", which ...")
    is the writer's aside on the last noun; one that sits mid-clause
    ("Cruz, who won Iowa, could help") is part of the reported subject."""
    first = doc[comma + 1]
    pronoun = doc[comma + 2] if first.dep_ == "prep" and comma + 2 < end else first
    clause = first.head  # ", which ..." or ", for whom ...": the relative clause's verb
    if pronoun.lower_ not in _RELATIVES or clause.dep_ != "relcl":
        return False
    return all(t.is_punct or t.is_space for t in doc[clause.right_edge.i + 1 : end])


def _cut_tail(doc: Doc, start: int, end: int) -> int:
    """Reported content stops before a tail the writer adds after a comma: a
    participle clause ("…, cementing its lead"), "according to …", "when …",
    a closing relative clause."""
    for comma in range(start + 1, end - 1):
        if doc[comma].text != ",":
            continue
        # A quotation that closes on its comma (“fully funded,” despite ...) ends
        # the content after its mark.
        closing = _is_mark(doc[comma + 1]) and not doc[comma].whitespace_
        i = comma + 1 if closing and comma + 2 < end else comma
        nxt = doc[i + 1]
        if _is_mark(nxt):
            continue
        if (
            nxt.lower_ in _TAIL_OPENERS
            or (nxt.tag_ == "VBG" and nxt.dep_ in ("advcl", "xcomp"))
            or _closing_relative(doc, i, end)
            or _closing_appositive(doc, i, end)
        ):
            return i + 1 if i > comma else i
    return end


def _closing_appositive(doc: Doc, comma: int, end: int) -> bool:
    """An indefinite noun phrase that closes the span and renames what came
    before ("…, a move that could split the party") is the writer's gloss; a
    definite one is more often the next item of a list ("tax fairness, the
    closure of loopholes")."""
    first = doc[comma + 1]
    head = first if first.dep_ == "appos" else first.head
    if first.lower_ not in ("a", "an", "one") or head.dep_ != "appos":
        return False
    if head.left_edge.i != comma + 1 or head.head.i >= comma:
        return False
    return all(t.is_punct or t.is_space for t in doc[head.right_edge.i + 1 : end])


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    end = _cut_tail(doc, start, end)
    while start < end and (doc[start].is_punct and not _is_mark(doc[start])):
        start += 1
    while end > start and (
        doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return (start, end) if start < end else None


def _cue_core(tok: Token) -> tuple[int, int]:
    """First and last token of a cue with its subject, auxiliaries and adverbs
    ("officials later said"), the part a parenthetical sets off."""
    core = [tok.i]
    for child in tok.children:
        if child.dep_ in _SUBJECTS:
            core += [child.left_edge.i, child.right_edge.i]
        elif child.dep_ in ("aux", "neg", "advmod", "npadvmod"):
            core.append(child.i)
    return min(core), max(core)


def _parenthetical(tok: Token, core: tuple[int, int]) -> bool:
    """A cue set off by commas inside or at the end of the reported sentence:
    "The plan, he said, would ..." and "The plan would fail, he said."."""
    doc = tok.doc
    first, last = core
    if first < 1 or doc[first - 1].text != ",":
        return False
    return last + 1 >= len(doc) or doc[last + 1].text == "," or doc[last + 1].text in _SENTENCE_END


def _around(tok: Token, core: tuple[int, int]) -> list[tuple[int, int]]:
    """The reported pieces on either side of a parenthetical cue; news splits one
    statement around ", he said," and each side is content of its own."""
    doc = tok.doc
    first, last = core
    region = [t.i for t in tok.head.subtree if not t.is_space]
    before = [i for i in region if i < first]
    after = [i for i in region if i > last]
    if not _holds_clause_core(doc, before, tok.head):
        before = []  # "Still, he said, ..." or "In 2008, he said, ...": an opener, not content
    pieces = [_trim(doc, min(side), max(side) + 1) for side in (before, after) if side]
    return [p for p in pieces if p]


def _holds_clause_core(doc: Doc, indices: list[int], head: Token) -> bool:
    """Whether tokens hold the clause's verb or its subject, not only adverbials."""
    return any(
        i == head.i or (doc[i].head.i == head.i and doc[i].dep_ in _CLAUSE_CORE) for i in indices
    )


def _clause_end(head: Token) -> int:
    """A reported clause ends where a coordinated report begins ("they were
    worried, and most said the economy mattered"; "conceded that X but implied
    that Y"; "..., and a new poll shows the senator leading"): that one is a
    report of its own, not more of this one. A coordinated verb of the mind,
    thinking, knowing or intending ("..., and the senator felt he had to
    answer"), goes on with what was reported."""
    for conj in head.children:
        if conj.dep_ == "conj" and _reports(conj) and conj.lemma_.lower() not in MENTAL_VERBS:
            edge = conj.left_edge.i
            while conj.doc[edge].is_punct or conj.doc[edge].dep_ == "cc":
                edge += 1  # the conjunction may hang from either clause
            while edge > head.i and (
                conj.doc[edge - 1].is_punct or conj.doc[edge - 1].dep_ == "cc"
            ):
                edge -= 1
            return edge
    return head.right_edge.i + 1


_CONTENT_NOUNS = SPEECH_NOUNS | DIRECTIVE_NOUNS
_CLAUSE_BREAKS = frozenset({";", ":", "—", "–", "--"})


def _own_report(clause: Token) -> bool:
    """A second complement that is itself a cue with its own subject ("..., and
    four in ten said X") is another speaker's report, not more of this one."""
    return _reports(clause) and any(c.dep_ in _SUBJECTS for c in clause.children)


def _fronted(clause: Token, cue: Token) -> bool:
    """A clause before its cue is reported content when only a comma stands
    between ("Prices will rise, he said"); across a semicolon, colon or dash it
    is the writer's own sentence ("It is unlikely; her team says ...")."""
    between = clause.doc[clause.right_edge.i + 1 : cue.i]
    return not any(t.text in _CLAUSE_BREAKS for t in between)


def _displaced_that_clause(tok: Token) -> list[Token]:
    """ "said in a statement that ...", "predicted at the debate that ...": the
    parser often hangs the "that" clause on the noun of the phrase between; it
    is still what the verb reports, as long as no other verb stands between."""
    for clause in tok.subtree:
        if clause.i <= tok.i or clause.dep_ not in ("advcl", "acl", "ccomp", "relcl"):
            continue
        if not _complete_that_clause(clause):
            continue
        head = clause.head
        while head.i != tok.i and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        return [clause] if head.i == tok.i else []
    return []


def _addressee_start(tok: Token, clause: Token) -> int:
    """Where a request's content starts: "urged the party to drop the rule" and
    "called on the party to drop the rule" ask the party, so the one asked
    opens what was asked of them."""
    start = clause.left_edge.i
    if clause.dep_ != "xcomp" or tok.lemma_.lower() not in DIRECTIVE_VERBS:
        return start
    asked = [c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < clause.i]
    # "called on the council to act": the one asked stands after "on", but
    # "called on Tuesday to complain" names a day, not whom.
    asked += [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in ("on", "upon") and tok.i < c.i < clause.i
        for o in c.children
        if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")
    ]
    return min([start, *(c.left_edge.i for c in asked)])


def _joined(pieces: list[tuple[int, int]], tok: Token) -> list[tuple[int, int]]:
    """Two complements after one cue with only punctuation or a conjunction
    between ("say she is likely to argue X, it no longer makes sense") are one
    statement the parser split; a piece before the cue stays its own."""
    doc = tok.doc
    joined: list[tuple[int, int]] = []
    for start, end in sorted(pieces):
        if (
            joined
            and start > tok.i
            and joined[-1][0] > tok.i
            and all(t.is_punct or t.is_space or t.dep_ == "cc" for t in doc[joined[-1][1] : start])
        ):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _clause_pieces(tok: Token) -> list[tuple[int, int]]:
    """Token bounds of the content a cue verb reports: its clausal complement,
    an infinitive after a directive verb, or the sentence around a parenthetical."""
    comps = [c for c in tok.children if c.dep_ == "ccomp"]
    if not comps and tok.lemma_.lower() in DIRECTIVE_VERBS:
        comps = [c for c in tok.children if c.dep_ == "xcomp"]
    if not comps and tok.lemma_.lower() in INTENTION_VERBS:
        comps = _intended(tok)
    comps = [c for c in comps if c.i > tok.i or _fronted(c, tok)]
    if len(comps) > 1:
        comps = [c for c in comps if not _own_report(c)] or comps[:1]
    if not comps:
        comps = _displaced_that_clause(tok)
    if comps:
        pieces = [_trim(tok.doc, _addressee_start(tok, c), _clause_end(c)) for c in comps]
        return _joined([p for p in pieces if p], tok)
    # The head is the reported sentence's root, which a misparse can leave a
    # noun ("those donations paid for ..." read as a noun phrase).
    paratactic = tok.dep_ == "parataxis" and (
        tok.head.pos_ in ("VERB", "AUX") or tok.head.dep_ == "ROOT"
    )
    if paratactic and _parenthetical(tok, core := _cue_core(tok)):
        return _around(tok, core)
    return []


_MESSAGE_DEPS = frozenset({"dobj", "oprd", "xcomp"})
_REFUSALS = frozenset("decline refuse".split())
# Phrases after the object that place or accompany the speaking, not the message.
_SETTING_PREPS = frozenset("with at during after before since until amid despite".split())
_OBJECT_TAIL = frozenset({"prep", "advmod", "dative"})


def _when(phrase: Token) -> bool:
    """A time phrase after the object ("on Tuesday") dates the speaking, not the
    message; one between object and the rest stays inside the span."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in phrase.subtree)


def _carried(child: Token, carriers: frozenset[str]) -> bool:
    """A phrase the verb's own preposition introduces: "called for talks", or
    a for-to clause the parser heads with its verb ("called for the allies to
    send troops")."""
    if child.dep_ == "prep":
        return child.lower_ in carriers
    marks = {m.lower_ for m in child.children if m.dep_ in ("mark", "aux")}
    return child.dep_ == "advcl" and "for" in carriers and {"for", "to"} <= marks


def _object_message(tok: Token) -> list[tuple[int, int]]:
    """The message of a reporting verb that takes a noun phrase ("announced a
    ceasefire", "accused Russia of war crimes", "called for talks"): its object
    and complements with the verb's own preposition. A passive verb's subject is
    the one spoken about, and a bare "call" object is the one called."""
    lemma = tok.lemma_.lower()
    if any(c.dep_ in ("auxpass", "nsubjpass", "neg") for c in tok.children):
        return []
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _REFUSALS:
        return []  # "declined to comment on the inquiry" reports nothing
    objects = [c for c in tok.children if c.dep_ in _MESSAGE_DEPS and c.tag_ not in ("WP", "WDT")]
    carriers = OBJECT_CUES.get(lemma, frozenset())
    preps = [c for c in tok.children if _carried(c, carriers)]
    if lemma == "call":
        said = preps or any(c.dep_ in ("oprd", "xcomp") for c in objects)
    elif lemma in PREPOSITION_CUES:
        said = bool(preps)
    else:
        said = bool(objects)
    if not said:
        return []
    parts = objects + preps
    first = min(p.i for p in parts)
    parts += [
        c
        for c in tok.children
        if c.i > first
        and c.dep_ in _OBJECT_TAIL
        and not _when(c)
        and c.lower_ not in _SETTING_PREPS
    ]
    bounds = _trim(
        tok.doc, min(p.left_edge.i for p in parts), max(p.right_edge.i for p in parts) + 1
    )
    return [bounds] if bounds else []


# What makes a "that" clause whole; a bare prepositional phrase does not ("the
# claim that he made in Iowa" is a relative clause with a gap).
_COMPLEMENTS = frozenset({"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd"})


def _complete_that_clause(clause: Token) -> bool:
    """A "that" clause that says something whole. An active one whose verb
    lacks every complement is more likely a relative clause with a gap ("the
    claim that he made") than reported content."""
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children) and any(
        m.dep_ in _COMPLEMENTS or m.dep_ == "auxpass" for m in clause.children
    )


def _asked_for(child: Token) -> bool:
    """An infinitive ("to ban all imports") or a "for" phrase ("for talks")."""
    if child.dep_ == "prep":
        return child.lower_ == "for"
    return child.dep_ == "acl" and _infinitive(child)


def _noun_content(
    noun: Token, resolver: SpeakerResolver
) -> tuple[int, int, tuple[int, int]] | None:
    """Content and source of a speech noun with a "that" clause, or of a
    directive or commissive one with what it asks or promises ("his call for a
    ban", "her pledge to cut taxes")."""
    clause = next(
        (
            c
            for c in noun.children
            if (c.dep_ in ("acl", "ccomp", "relcl") and _complete_that_clause(c))
            or (noun.lemma_.lower() in DIRECTIVE_NOUNS and _asked_for(c))
        ),
        None,
    )
    if clause is None:
        return None
    source: Token | None = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None:
        source = next(
            (
                p
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ in ("from", "by")
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
    if source is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in DELIVERY_VERBS:
        source = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    bounds = _trim(noun.doc, clause.left_edge.i, clause.right_edge.i + 1)
    if source is None or bounds is None:
        return None
    return (*bounds, _phrase(source, resolver))


def _colon_source(doc: Doc, colon: Token, resolver: SpeakerResolver) -> tuple[int, int] | None:
    """The source of "Trump: Cruz has a long way to go" and "Poll: Clinton leads":
    news (headlines above all) sets a statement after a colon that follows
    nothing but who made it, a named person or organisation, or a poll or
    report. A colon after anything else introduces a list or an explanation."""
    start = colon.sent.start
    before = [t for t in doc[start : colon.i] if not t.is_space]
    if not before or len(before) > MAX_COLON_SOURCE:
        return None
    if len(before) == 1 and before[0].lower_ in COLON_SOURCES:
        return before[0].i, before[0].i + 1
    if any(t.pos_ in ("VERB", "AUX") for t in before):
        return None  # "The winner is Ann Lee: ..." is a sentence, not a source
    named = resolver.named(before[0].i, before[-1].i + 1)
    if named is None or named.token_end != before[-1].i + 1:
        return None
    return before[0].i, named.token_end


def _colon_content(doc: Doc, colon: Token) -> tuple[int, int] | None:
    """What follows a source's colon on its line, when it holds a clause."""
    after = []
    for t in doc[colon.i + 1 : colon.sent.end]:
        if "\n" in t.text:
            break
        if not t.is_space:
            after.append(t)
    inside = {t.i for t in after}
    heads = [t for t in after if t.head.i not in inside or t.head.i == t.i]
    if not heads or heads[0].pos_ not in ("VERB", "AUX"):
        return None  # a title or a list ("Ann Lee: a profile"), not a statement
    return _trim(doc, after[0].i, after[-1].i + 1)


def _as_aside(
    tok: Token, resolver: SpeakerResolver
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(content, source) of "As the Post reported, X" and "As reported by the
    Post, X": news names its source in an "as" clause that reports the rest of
    the sentence. The clause must report nothing of its own ("As he said this,
    ...") and name who reported."""
    if not _reports(tok) or tok.dep_ != "advcl":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children):
        return None
    has_subject = any(c.dep_ in _SUBJECTS for c in tok.children)
    source = _subject(tok, resolver) if has_subject else _agent(tok, resolver)
    first, last = tok.left_edge.i, tok.right_edge.i
    after = tok.head.i > last  # "As the Post reported, X" or "X, as the Post reported"
    rest = [
        t.i
        for t in tok.head.subtree
        if (t.i > last if after else t.i < first) and not t.is_space and t.dep_ != "cc"
    ]
    bounds = _trim(tok.doc, min(rest), max(rest) + 1) if rest and source else None
    return (bounds, source) if bounds and source else None


def _indirect(
    doc: Doc, resolver: SpeakerResolver
) -> list[tuple[int, int, str, Token | None, tuple[int, int] | None]]:
    """(first token, end token, cue, cue token, subject bounds) of each reported clause."""
    found: list[tuple[int, int, str, Token | None, tuple[int, int] | None]] = []
    for tok in doc:
        if tok.text == COLON and (colon_source := _colon_source(doc, tok, resolver)):
            stated = _colon_content(doc, tok)
            if stated is not None:
                found.append((*stated, COLON, tok, colon_source))
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            if source is None:
                continue
            sent = tok.sent
            skip = {t.i for t in tok.subtree} | {t.i for t in to.subtree} | {tok.i, to.i}
            rest = [t.i for t in sent if t.i not in skip and not t.is_space]
            if not rest:
                continue
            bounds = _trim(doc, min(rest), max(rest) + 1)
            if bounds:
                found.append((*bounds, ACCORDING_TO, None, _phrase(source, resolver)))
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _CONTENT_NOUNS:
            content = _noun_content(tok, resolver)
            if content is not None:
                found.append((content[0], content[1], tok.lemma_.lower(), tok, content[2]))
            continue
        if (held := _held_belief(tok, resolver)) is not None:
            found.append(held)
            continue
        if not _is_cue(tok):
            continue
        if (aside := _as_aside(tok, resolver)) is not None:
            found.append((*aside[0], tok.lemma_.lower(), tok, aside[1]))
            continue
        lemma = tok.lemma_.lower()
        pieces = [] if lemma in STANCE_VERBS else _clause_pieces(tok)
        noun_phrase = not pieces and (lemma in OBJECT_CUES or lemma in OBJECT_EVIDENCE)
        if noun_phrase:
            pieces = _object_message(tok)
        subject = _subject(tok, resolver) if pieces else None
        if subject is None and noun_phrase:
            continue  # a noun-phrase message needs someone to have delivered it
        found.extend((*bounds, tok.lemma_.lower(), tok, subject) for bounds in pieces)
    return found


def _held_belief(
    tok: Token, resolver: SpeakerResolver
) -> tuple[int, int, str, Token | None, tuple[int, int] | None] | None:
    """ "He is confident that X", "they were worried the deal would fail": an
    adjective of belief after a copula reports its clause as the subject's view.
    Nobody's view ("no one was sure that ...") and a question ("Is he sure
    that ...?") report none."""
    if tok.pos_ != "ADJ" or tok.lower_ not in BELIEF_ADJECTIVES or tok.dep_ != "acomp":
        return None
    if tok.head.lemma_.lower() == "make":
        return None  # "make sure that ..." is an act, not a belief
    if any(c.dep_ in _SUBJECTS and c.i > tok.head.i for c in tok.head.children):
        return None  # the verb before its subject: a question
    clause = next(
        (c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i and _finite_statement(c)),
        None,
    )
    if clause is None or tok.head.pos_ not in ("AUX", "VERB"):
        return None
    if any(c.dep_ == "neg" for c in tok.head.children):
        return None
    subject = _subject(tok.head, resolver)
    bounds = _trim(tok.doc, clause.left_edge.i, _clause_end(clause))
    if subject is None or bounds is None or _nobody(tok.doc[subject[0] : subject[1]]):
        return None
    return (*bounds, tok.lower_, tok, subject)


_NOBODY = frozenset("nobody none neither nothing".split())


def _nobody(holder: Span) -> bool:
    """A holder that denies anyone holds the view ("nobody", "no one", "neither
    side"); quantifiers that leave some holders ("few", "not everyone") are
    not caught."""
    return holder[0].lower_ in ("no", "neither") or any(t.lower_ in _NOBODY for t in holder)


def _adjacent(window: list[Token], cue: Token) -> bool:
    """Between a quote and a following cue stand only punctuation, adverbs and
    the cue's own subject with its titles and appositives (", he said",
    "” White House press secretary Josh Earnest said", ", said the minister")."""
    allowed: set[int] = set()
    for child in cue.children:
        if child.dep_ in _SUBJECTS:
            allowed.update(range(child.left_edge.i, child.right_edge.i + 1))
    for tok in window:
        if tok.i == cue.i:
            return True
        if not (tok.i in allowed or tok.is_punct or tok.pos_ in ("ADV", "AUX") or tok.is_space):
            return False
    return True


def _inverted_subject(cue: Token, resolver: SpeakerResolver) -> tuple[int, int] | None:
    """“…,” added a party official: after a quote news puts the speaker after
    the verb, and the parser often reads that speaker as the verb's object."""
    if cue.lemma_.lower() in ADDRESSEE_VERBS:
        return None
    spoken = next((c for c in cue.rights if c.dep_ in ("dobj", "attr", "npadvmod")), None)
    return _phrase(spoken, resolver) if spoken is not None else None


@dataclass(frozen=True)
class _Cue:
    lemma: str
    subject: tuple[int, int] | None
    clause_start: int | None = None  # set when the quote is a fragment of the cue's clause


def _cue_near(doc: Doc, tokens: _Tokens, marked: Marked, resolver: SpeakerResolver) -> _Cue | None:
    """The cue of a direct quote: after it ("…,” he said), else before it
    (He said: “…”), else a colon after a name."""
    text = tokens.text
    last_inner = text[marked.start : marked.end].rstrip(_STRIP)[-1:]
    first_after = tokens.after(marked.end)
    window_after: list[Token] = []
    i = first_after
    while i < len(doc) and len(window_after) < AFTER_WINDOW:
        tok = doc[i]
        if tok.text in _SENTENCE_END or _is_mark(tok) or "\n" in tok.text:
            break
        window_after.append(tok)
        i += 1
    words_after = [t for t in window_after if t.is_alpha]
    follows = text[marked.end : marked.end + 1]
    open_sentence = (
        last_inner in ",—–-?!"
        or follows in (",", "—", "–")
        or bool(words_after and words_after[0].is_lower)
    )
    span = (marked.start, marked.end)
    for tok in window_after:
        if _is_cue(tok):
            # After a quote that closed its sentence, only a bare cue ("” Trump said.")
            # belongs to it; a cue with a clause of its own starts new speech.
            bare = not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
            if (open_sentence or bare) and _adjacent(window_after, tok):
                subject = _subject(tok, resolver, span) or _inverted_subject(tok, resolver)
                return _Cue(tok.lemma_.lower(), subject)
            break
    window_before: list[Token] = []
    i = tokens.at(marked.start) - 1
    while i >= 0 and len(window_before) < BEFORE_WINDOW:
        tok = doc[i]
        if tok.text in _SENTENCE_END or _is_mark(tok) or "\n" in tok.text:
            break
        window_before.append(tok)
        i -= 1
    for position, tok in enumerate(window_before):
        if _is_cue(tok):
            between = window_before[:position]
            if between and between[0].text not in (":", ",") and any(t.is_alpha for t in between):
                # "described Trump as “a ...”": the quote is a fragment of the
                # cue's own clause, which is the reported content (a mixed quote).
                return _Cue(tok.lemma_.lower(), _subject(tok, resolver, span), between[-1].idx)
            return _Cue(tok.lemma_.lower(), _subject(tok, resolver, span))
    if window_before and window_before[0].text == ":":
        named = [resolver.named(t.i, t.i + 1) for t in reversed(window_before)]
        people = [m for m in named if m is not None]
        if people:
            return _Cue(COLON, (people[-1].token_start, people[-1].token_end))
    if not window_before:
        return _introduced(doc, tokens.at(marked.start), resolver)
    return None


def _introduced(doc: Doc, first: int, resolver: SpeakerResolver) -> _Cue | None:
    """A quote that opens a paragraph after one ending in a colon ("Cruz
    turned on the moderators:") is what that paragraph's cue introduced."""
    i = first - 1
    while i >= 0 and (doc[i].is_space or _is_mark(doc[i])):
        i -= 1
    if i < 0 or doc[i].text != COLON or "\n" not in doc[i + 1 : first + 1].text:
        return None
    root = doc[i].sent.root
    if not _is_cue(root):
        return None
    return _Cue(root.lemma_.lower(), _subject(root, resolver))


def _one_per_span(candidates: list[_Candidate]) -> list[_Candidate]:
    """Two cues can report the same stretch of text; it is one quote, the first cue's."""
    seen: set[tuple[int, int]] = set()
    unique = []
    for c in candidates:
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            unique.append(c)
    return unique


def _outermost(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop reported clauses nested in another one ("He said she believes X"):
    the outer statement already reports the inner one, and news attributes it
    to the outer speaker."""

    def inside(c: _Candidate, o: _Candidate) -> bool:
        return o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start

    return [c for c in candidates if not any(inside(c, o) for o in candidates)]


def extract_quotes(
    doc: Doc, mentions: list[Mention], sentence_of: list[int], resolver: SpeakerResolver
) -> list[Quote]:
    if not len(doc):
        return []
    tokens = _Tokens(doc)
    text = tokens.text
    paras = paragraphs(text)
    para_starts = [s for s, _ in paras]
    marked = [m for m in marked_spans(text) if is_quotation(text[m.start : m.end])]

    candidates: list[_Candidate] = []
    absorbed: set[int] = set()
    for start_tok, end_tok, cue, cue_tok, subject in _indirect(doc, resolver):
        start, end = doc[start_tok].idx, doc[end_tok - 1].idx + len(doc[end_tok - 1])
        if cue_tok is not None and any(m.start <= cue_tok.idx < m.end for m in marked):
            continue
        if "\n\n" in text[start:end]:
            continue  # a parse that runs across paragraphs is not one reported clause
        overlapping = [k for k, m in enumerate(marked) if m.start < end and start < m.end]
        if any(marked[k].start <= start + 1 for k in overlapping):
            continue
        absorbed.update(overlapping)
        end = max([end, *(marked[k].end for k in overlapping)])
        content = text[start:end]
        quoted = any(ch in ALL_MARKS for ch in content) or DOUBLED_APOSTROPHE in content
        kind = "mixed" if quoted else "indirect"
        paragraph = bisect_right(para_starts, start) - 1
        candidates.append(_Candidate(kind, start, end, cue, subject, False, False, paragraph))

    candidates = _outermost(candidates)
    for k, m in enumerate(marked):
        if k in absorbed:
            continue
        found = _cue_near(doc, tokens, m, resolver)
        p_start, p_end = paras[m.paragraph]
        paragraph_only = (m.end - m.start) >= 0.8 * len(text[p_start:p_end].strip())
        inner = text[m.start : m.end].strip(_STRIP)
        if found is None and not (paragraph_only or m.continues) and inner[:1].islower():
            continue  # a quoted phrase inside a sentence with no cue: a scare quote
        follows_quote = k > 0 and marked[k - 1].paragraph == m.paragraph
        short = len(_WORD.findall(inner)) < MIN_QUOTE_WORDS
        if found is None and short and not (follows_quote and _sentence(inner)):
            continue  # a short phrase in marks is speech only when a cue claims it
        fragment = found is not None and found.clause_start is not None
        candidates.append(
            _Candidate(
                "mixed" if fragment else "direct",
                found.clause_start if found and found.clause_start is not None else m.start,
                m.end,
                found.lemma if found else None,
                found.subject if found else None,
                inherit=found is None or found.subject is None,
                paragraph_only=paragraph_only,
                paragraph=m.paragraph,
                continues=m.continues,
            )
        )

    candidates.sort(key=lambda c: c.start)
    candidates = _one_per_span(candidates)
    quotes: list[Quote] = []
    last_by_paragraph: dict[int, Quote] = {}
    for c in candidates:
        speaker_text: str | None = None
        speaker: Mention | None = None
        if c.subject is not None:
            s, e = c.subject
            speaker_text = doc[s:e].text
            speaker = resolver.resolve(s, e)
        elif c.inherit:
            previous = last_by_paragraph.get(c.paragraph)
            if previous is None and (c.paragraph_only or c.continues):
                previous = last_by_paragraph.get(c.paragraph - 1)
            if previous is not None:
                speaker_text, speaker = previous.speaker_text, previous.speaker
                c.cue = c.cue or previous.cue
        quote = Quote(
            kind=c.kind,
            start=c.start,
            end=c.end,
            speaker_text=speaker_text,
            speaker=speaker,
            cue=c.cue,
            sentence_index=sentence_of[tokens.at(c.start)],
        )
        resolver.record(c.start, speaker)
        if speaker_text is not None:
            last_by_paragraph[c.paragraph] = quote
        quotes.append(quote)
    return quotes
