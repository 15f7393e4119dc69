from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.transforms.conftest import PUBLISHED, Analysed
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


def test_clock_time_the_model_leaves_untagged_is_a_time_of_the_publication_day(
    analyse: Analyse,
) -> None:
    e = analyse("The tram derailed shortly after 06:00 GMT near the station.").event("derailed")
    assert (e.date_text, e.event_date, e.date_precision, e.date_source) == (
        "06:00 GMT",
        date(2023, 2, 16),
        "day",
        "relative",
    )


def test_time_of_day_and_its_day_are_one_expression(analyse: Analyse) -> None:
    a = analyse(
        "Police arrested a man on Tuesday night. The game ended at almost midnight on Wednesday."
    )
    arrested, ended = a.event("arrested"), a.event("ended")
    assert (arrested.date_text, arrested.event_date) == ("Tuesday night", date(2023, 2, 14))
    assert (ended.date_text, ended.event_date) == (
        "almost midnight on Wednesday",
        date(2023, 2, 15),
    )


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Cubs won their first title since 1908.", "won"),
        ("The mayor said the hall dated from 1908.", "said"),
    ],
)
def test_a_date_bounding_a_span_is_not_the_event_date(
    analyse: Analyse, text: str, trigger: str
) -> None:
    e = analyse(text).event(trigger)
    assert (e.date_text, e.date_source) == (None, "publication")


def test_a_date_before_a_noun_dates_the_noun_not_the_sentence(analyse: Analyse) -> None:
    a = analyse("Voters backed the mayor in Tuesday's election at a rally on Monday.")
    assert a.event("backed").event_date == date(2023, 2, 13)
    assert a.event("election").event_date == date(2023, 2, 14)


def test_an_undated_headline_takes_the_first_day_of_the_past_week_the_body_names(
    analyse: Analyse,
) -> None:
    a = analyse(
        "Minister resigns\n\nShe joined the cabinet on February 1. The plant closed. "
        "She quit on Wednesday."
    )
    resigns = a.event("resigns")
    assert (resigns.date_text, resigns.event_date, resigns.date_source) == (
        "Wednesday",
        date(2023, 2, 15),
        "relative",
    )
    assert a.event("closed").date_source == "publication"


def test_a_headline_does_not_take_a_planned_day(analyse: Analyse) -> None:
    a = analyse("Storm hits coast\n\nOfficials will visit the town on Monday.")
    assert a.event("hits").date_source == "publication"
    assert a.event("visit").event_date == date(2023, 2, 20)


def test_taxonomy() -> None:
    assert event_type("say") == "statement"
    assert event_type("urge") == "appeal_request"
    assert event_type("sanction") == "sanction"
    assert event_type("earthquake") == "disaster"
    assert event_type("paint") == "other"


def test_a_headline_takes_a_named_day_before_a_bare_clock_time(analyse: Analyse) -> None:
    a = analyse(
        "Fire destroys market\n\nThe blaze started at 2am and firefighters arrived on Monday."
    )
    destroys = a.event("destroys")
    assert (destroys.date_text, destroys.event_date) == ("Monday", date(2023, 2, 13))


def test_a_future_headline_does_not_take_the_leads_day(analyse: Analyse) -> None:
    a = analyse("Minister will resign\n\nShe told colleagues on Wednesday that she would go.")
    assert a.event("resign").date_source == "publication"


def test_an_event_dated_outside_the_window_borrows_no_other_date(analyse: Analyse) -> None:
    a = analyse(
        "The mayor said on Monday that the new bridge will open in 2040. "
        "The painting, completed in 1850, was stolen in 1890 and found on Monday."
    )
    for trigger in ("open", "stolen"):
        e = a.event(trigger)
        assert (e.event_date, e.date_source, e.date_text) == (PUBLISHED, "publication", None)
    assert a.event("found").date_source == "relative"


def test_a_day_after_the_verb_is_its_date_not_its_target(analyse: Analyse) -> None:
    a = analyse(
        "On Tuesday, Zelensky called on allies to speed up deliveries. "
        "Stoltenberg said on Tuesday that allies must do more."
    )
    for trigger in ("called", "said"):
        e = a.event(trigger)
        assert e.target_text != "Tuesday"
        assert (e.event_date, e.date_text) == (date(2023, 2, 14), "Tuesday")


def test_a_date_inside_what_was_said_does_not_date_the_saying(analyse: Analyse) -> None:
    a = analyse(
        'The minister added: "Women who came here in 1997 changed this party." '
        "GM added that sales fell 9% in February."
    )
    assert a.event("changed").date_text == "1997"
    assert a.event("fell").date_text == "February"
    statements = [e for e in a.events if e.trigger_lemma == "add"]
    assert [e.date_source for e in statements] == ["publication", "publication"]


def test_the_today_programme_is_no_date(analyse: Analyse) -> None:
    a = analyse("The minister told BBC Radio 4's Today programme the deal was signed last week.")
    assert a.event("told").date_text is None
    b = analyse('The minister spoke in Leeds. She said: "Today we start again."')
    assert b.event("start").date_text == "Today"


def test_a_relative_pronoun_actor_is_the_noun_it_stands_for(analyse: Analyse) -> None:
    a = analyse("Police arrested a man who attacked two officers in Leeds on Monday.")
    e = a.event("attacked")
    assert (e.actor_text, e.target_text) == ("a man", "two officers")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Rebels attacked an army base near Goma on Monday.", "attacked", "military_action"),
        ("Troops launched a new push into the city.", "launched", "military_action"),
        ("The opposition attacked the budget on Monday.", "attacked", "other"),
        ("The firm launched a bid for its rival.", "launched", "other"),
        ("England face Wales in a Six Nations clash on Saturday.", "clash", "other"),
        ("Russian forces invaded Ukraine in February 2022.", "invaded", "military_action"),
    ],
)
def test_a_word_war_shares_with_peace_is_military_only_among_arms(
    analyse: Analyse, text: str, trigger: str, expected: str
) -> None:
    assert analyse(text).event(trigger).event_type == expected
