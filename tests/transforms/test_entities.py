from __future__ import annotations

from collections.abc import Callable
from datetime import date

import polars as pl
from spacy.language import Language

from tests.transforms.conftest import Analysed
from transforms.extraction import extract


def by_text(a: Analysed) -> dict[str, tuple[str, str]]:
    return {m.text: (m.label, m.name) for m in a.mentions}


def test_later_surname_is_the_full_name_and_a_person(analyse: Callable[[str], Analysed]) -> None:
    a = analyse(
        "Finance Minister Lars Lindqvist presented the budget on Monday. "
        "Lindqvist said the deficit would shrink, and Lindqvist repeated it later."
    )
    surnames = [m for m in a.mentions if m.text == "Lindqvist"]
    assert surnames
    assert {(m.label, m.name) for m in surnames} == {("PERSON", "Lars Lindqvist")}


def test_titles_are_not_part_of_the_name(analyse: Callable[[str], Analysed]) -> None:
    a = analyse("President Joe Biden met Prime Minister Rishi Sunak in Washington.")
    names = {m.text for m in a.mentions if m.label == "PERSON"}
    assert "Joe Biden" in names
    assert not any(n.startswith(("President", "Prime")) for n in names)


def test_an_occupation_written_as_a_title_is_not_part_of_the_name(
    analyse: Callable[[str], Analysed],
) -> None:
    a = analyse("Striker Nicolas Anelka scored twice on Saturday. Anelka said he was happy.")
    assert {m.name for m in a.mentions if m.label == "PERSON"} == {"Nicolas Anelka"}


def test_leading_the_and_possessive_are_trimmed(analyse: Callable[[str], Analysed]) -> None:
    a = analyse("The European Commission's plan was welcomed by the United Nations.")
    texts = {m.text for m in a.mentions}
    assert "European Commission" in texts
    assert "United Nations" in texts
    assert not any(t.startswith("the ") or t.endswith("'s") for t in texts)


def test_defined_acronym_links_to_its_expansion(analyse: Callable[[str], Analysed]) -> None:
    a = analyse(
        "Ministers of the North Atlantic Treaty Organization met on Tuesday. "
        "NATO said it would increase support."
    )
    keys = {m.text: m.key for m in a.mentions}
    assert keys["NATO"] == keys["North Atlantic Treaty Organization"] == "NATO"
    nato = next(m for m in a.mentions if m.text == "NATO")
    assert nato.name == "North Atlantic Treaty Organization"


def test_dates_and_numbers_are_not_entities(analyse: Callable[[str], Analysed]) -> None:
    a = analyse("On February 24, 2022, about 40 percent of the 200 soldiers left Kyiv.")
    assert {m.label for m in a.mentions} <= {"GPE", "PERSON", "ORG", "LOC", "NORP", "FAC"}
    assert "Kyiv" in {m.text for m in a.mentions}


def test_lone_surname_joins_a_person_known_from_earlier_articles(nlp: Language) -> None:
    articles = pl.DataFrame(
        {
            "article_id": ["a1"],
            "body": ["Putin spoke to reporters in Moscow on Friday about the war."],
            "published_date": [date(2023, 2, 17)],
        }
    )
    alone = extract(nlp, articles)
    linked = extract(nlp, articles, known_people=["Vladimir Putin", "Jens Stoltenberg"])
    assert "Putin" in alone.entities["canonical_name"].to_list()
    names = dict(zip(linked.entities["canonical_name"], linked.entities["label"], strict=True))
    assert names.get("Vladimir Putin") == "PERSON"
