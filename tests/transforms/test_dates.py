from datetime import date

import pytest

from transforms.dates import Tense, resolve_date

THURSDAY = date(2023, 2, 16)


@pytest.mark.parametrize(
    ("expression", "tense", "value", "precision", "source"),
    [
        ("Tuesday", "past", date(2023, 2, 14), "day", "relative"),
        ("on Thursday", "past", THURSDAY, "day", "relative"),
        ("Tuesday", "future", date(2023, 2, 21), "day", "relative"),
        ("next week", "future", date(2023, 2, 20), "week", "relative"),
        ("last year", "past", date(2022, 1, 1), "year", "relative"),
        ("a year ago", "past", date(2022, 1, 1), "year", "relative"),
        ("yesterday", "past", date(2023, 2, 15), "day", "relative"),
        ("February 24, 2023", "past", date(2023, 2, 24), "day", "explicit"),
        ("On February 24", "past", date(2022, 2, 24), "day", "explicit"),
        ("February 10", "past", date(2023, 2, 10), "day", "explicit"),
        ("March", "future", date(2023, 3, 1), "month", "explicit"),
        ("March 2022", None, date(2022, 3, 1), "month", "explicit"),
        ("2021", None, date(2021, 1, 1), "year", "explicit"),
        ("at around 6am", "past", THURSDAY, "day", "relative"),
        ("shortly after 06:00 GMT", "past", THURSDAY, "day", "relative"),
        ("overnight", "past", THURSDAY, "day", "relative"),
        ("almost midnight on Wednesday", "past", date(2023, 2, 15), "day", "relative"),
        ("12:47 a.m. Tuesday", "past", date(2023, 2, 14), "day", "relative"),
        ("Tuesday night", "past", date(2023, 2, 14), "day", "relative"),
        ("the early hours of Wednesday", "past", date(2023, 2, 15), "day", "relative"),
    ],
)
def test_resolution_against_publication_and_tense(
    expression: str, tense: Tense | None, value: date, precision: str, source: str
) -> None:
    resolved = resolve_date(expression, THURSDAY, tense)
    assert resolved is not None
    assert (resolved.value, resolved.precision, resolved.source) == (value, precision, source)
    assert resolved.text == expression


@pytest.mark.parametrize(
    "expression", ["two-day", "a year", "the 1990s", "55-year-old", "recent years", "the same day"]
)
def test_durations_ages_and_vague_spans_are_not_dates(expression: str) -> None:
    assert resolve_date(expression, THURSDAY, "past") is None


@pytest.mark.parametrize("expression", ["1850", "2050"])
def test_years_outside_the_warehouse_window_are_not_event_dates(expression: str) -> None:
    assert resolve_date(expression, THURSDAY, "future") is None
