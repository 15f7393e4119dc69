"""Who a speaker phrase refers to: a name, a pronoun or a role noun.

A reader resolves "he" to the person the article was just quoting, and "the
alliance chief" or "the president" to the person introduced with that role;
the same preferences are encoded here: named mention first, then the most
recent speaker nearby, then the most recent person mentioned.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

from transforms.entities import Mention
from transforms.roles import PERSON_PRONOUNS, ROLE_NOUNS

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
RECENT_SPEAKER_CHARS = 1500


@dataclass
class _Spoken:
    position: int
    mention: Mention


class SpeakerResolver:
    """Per-document resolver; `record` the speakers of quotes in text order so
    later pronouns and role nouns can bind to them."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                self.by_token[i] = m
        self.people = [m for m in mentions if m.label == "PERSON"]
        self.people_starts = [m.start for m in self.people]
        self.spoken: list[_Spoken] = []

    def record(self, position: int, mention: Mention | None) -> None:
        if mention is not None and mention.label == "PERSON":
            self.spoken.append(_Spoken(position, mention))

    def named(self, start: int, end: int) -> Mention | None:
        """The entity a speaker phrase names: the mention holding the phrase's
        head, else a person inside it ("Ukrainian President Zelensky"), else a
        person the head is in apposition with ("Secretary General ... Jens Stoltenberg")."""
        head = self.doc[start:end].root
        if head.i in self.by_token and self.by_token[head.i].label in SPEAKER_LABELS:
            return self.by_token[head.i]
        inside = [self.by_token[i] for i in range(start, end) if i in self.by_token]
        people = [m for m in inside if m.label == "PERSON"]
        if people:
            return people[0]
        for child in head.children:
            appositive = self.by_token.get(child.i) if child.dep_ == "appos" else None
            if appositive is not None and appositive.label == "PERSON":
                return appositive
        return None

    def resolve(self, start: int, end: int) -> Mention | None:
        """Resolve the speaker phrase doc[start:end]."""
        named = self.named(start, end)
        if named is not None:
            return named
        words = [t for t in self.doc[start:end] if t.is_alpha]
        if not words:
            return None
        head = self.doc[start:end].root
        position = self.doc[start].idx
        if head.lower_ in PERSON_PRONOUNS:
            return self._recent_speaker(position) or self._recent_person(position)
        definite = any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in head.lefts
        )
        singular = head.tag_ in ("NN", "NNP")
        if (
            singular
            and definite
            and (head.lemma_.lower() in ROLE_NOUNS or head.lower_ in ROLE_NOUNS)
        ):
            nouns = {t.lower_ for t in words} | {t.lemma_.lower() for t in words}
            for candidate in reversed(self._people_before(position)):
                if candidate.roles & nouns:
                    return candidate
            return self._recent_speaker(position) or self._recent_person(position)
        return None

    def _people_before(self, position: int) -> list[Mention]:
        """People seen before `position`, least recently active first."""
        last_seen: dict[str, tuple[int, Mention]] = {}
        for m in self.people[: bisect_left(self.people_starts, position)]:
            last_seen[m.key] = (m.start, m)
        for s in self.spoken:
            if s.position < position:
                last_seen[s.mention.key] = max(
                    last_seen.get(s.mention.key, (-1, s.mention)),
                    (s.position, s.mention),
                    key=lambda x: x[0],
                )
        return [m for _, m in sorted(last_seen.values(), key=lambda x: x[0])]

    def _recent_speaker(self, position: int) -> Mention | None:
        for spoken in reversed(self.spoken):
            if spoken.position < position and position - spoken.position <= RECENT_SPEAKER_CHARS:
                return spoken.mention
        return None

    def _recent_person(self, position: int) -> Mention | None:
        index = bisect_left(self.people_starts, position)
        return self.people[index - 1] if index else None
