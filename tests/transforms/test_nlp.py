from __future__ import annotations

import pytest
from spacy.language import Language


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
