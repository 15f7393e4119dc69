from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from transforms.entities import Mention, extract_mentions, sentence_starts
from transforms.events import Event, extract_events
from transforms.quotes import Quote, extract_quotes
from transforms.speakers import SpeakerResolver

PUBLISHED = date(2023, 2, 16)  # a Thursday


class Analysed:
    """One text run through the real pipeline and the extraction rules."""

    def __init__(self, nlp: Language, text: str, published: date = PUBLISHED) -> None:
        self.text = text
        doc = nlp(text)
        sentence_of = sentence_starts(doc)
        self.mentions: list[Mention] = extract_mentions(doc, sentence_of)
        resolver = SpeakerResolver(doc, self.mentions)
        self.quotes: list[Quote] = extract_quotes(doc, self.mentions, sentence_of, resolver)
        spans = [(q.start, q.end) for q in self.quotes]
        self.events: list[Event] = extract_events(
            doc, self.mentions, sentence_of, resolver, published, spans
        )

    def quote(self, fragment: str) -> Quote:
        found = [q for q in self.quotes if fragment in self.text[q.start : q.end]]
        assert found, (fragment, [self.text[q.start : q.end] for q in self.quotes])
        return found[0]

    def speaker(self, fragment: str) -> str | None:
        q = self.quote(fragment)
        return q.speaker.name if q.speaker else None

    def event(self, trigger: str) -> Event:
        found = [e for e in self.events if e.trigger_text == trigger]
        assert found, (trigger, [e.trigger_text for e in self.events])
        return found[0]


@pytest.fixture
def analyse(nlp: Language) -> type[Analysed]:
    class Bound(Analysed):
        def __init__(self, text: str, published: date = PUBLISHED) -> None:
            super().__init__(nlp, text, published)

    return Bound
