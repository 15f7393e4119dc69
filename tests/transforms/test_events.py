from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tests.transforms.conftest import Analysed
from transforms.event_types import event_type

Analyse = Callable[[str], Analysed]


def test_verb_event_with_actor_target_location_and_date(analyse: Analyse) -> None:
    a = analyse("Russian forces attacked the port in Odesa on Tuesday.")
    e = a.event("attacked")
    assert (e.event_type, e.actor_text, e.target_text) == (
        "military_action",
        "Russian forces",
        "the port",
    )
    assert e.location_text == "Odesa"
    assert (e.event_date, e.date_precision, e.date_source) == (date(2023, 2, 14), "day", "relative")
    assert (e.modality, e.negated) == ("asserted", False)


def test_eventive_noun_takes_its_governing_verbs_date(analyse: Analyse) -> None:
    a = analyse("The minister spoke on Tuesday at the start of a meeting of defence ministers.")
    e = a.event("meeting")
    assert e.event_type == "meeting"
    assert e.event_date == date(2023, 2, 14)


def test_noun_subject_of_a_light_verb_takes_its_location(analyse: Analyse) -> None:
    a = analyse("A two-day summit of European leaders starts in Brussels.")
    e = a.event("summit")
    assert e.location_text == "Brussels"
    assert e.date_source == "publication"


def test_modality_and_negation(analyse: Analyse) -> None:
    a = analyse(
        "The ministers will approve new guidelines. The army did not withdraw. "
        "If talks fail, the union would strike. Officials said the plant closed."
    )
    assert a.event("approve").modality == "planned"
    assert a.event("withdraw").negated is True
    assert a.event("strike").modality == "hypothetical"
    assert a.event("closed").modality == "reported"
    assert a.event("said").modality == "asserted"


def test_past_clause_date_without_year_goes_back_a_year(analyse: Analyse) -> None:
    a = analyse("On February 24, President Vladimir Putin stated that he had decided.")
    e = a.event("stated")
    assert (e.event_type, e.event_date, e.date_source) == (
        "statement",
        date(2022, 2, 24),
        "explicit",
    )


def test_taxonomy() -> None:
    assert event_type("say") == "statement"
    assert event_type("urge") == "appeal_request"
    assert event_type("sanction") == "sanction"
    assert event_type("earthquake") == "disaster"
    assert event_type("paint") == "other"
