from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from transforms.extraction import analyse


@pytest.mark.parametrize(
    "text",
    [
        "The mayor spoke for an hour. “We will keep working for the town and for every "
        "family in it.”\n\nMark Reid, a former mayor, said he could not support the plan.",
        "“The United Kingdom is going to be at the back of the queue.”\n\nParty leader "
        "Nigel Farage said the warning was a bluff.",
    ],
)
def test_a_blank_line_ends_a_sentence(nlp: Language, text: str) -> None:
    """Left alone, the parser runs a sentence closing on a quotation mark on into
    the next paragraph."""
    after_break = text.index("\n\n") + 2
    starts = [sentence.start_char for sentence in nlp(text).sents]
    assert after_break in starts


def test_analysis_frees_the_strings_of_what_it_read(nlp: Language) -> None:
    """A long-running worker meets new names in every batch; without a memory
    zone each would stay in the vocabulary for the life of the process."""
    body = (
        "Zorvathi minister Quellan Brixtomb said the Vandrelit accord would hold. "
        "“We will keep it,” the Zorvathi envoy added."
    )
    row: dict[str, object] = {"article_id": "a", "body": body, "published_date": date(2023, 2, 1)}
    before = len(nlp.vocab.strings)
    (result,) = analyse(nlp, [row], batch_size=8)
    assert len(nlp.vocab.strings) == before
    assert any(m.text == "Quellan Brixtomb" for m in result.mentions)
    assert [q.speaker_text for q in result.quotes][:1] == ["Quellan Brixtomb"]
