from datetime import date

import pytest

from transforms.header import parse_header, split_outlet
from transforms.rejection import Rejected

LATEST = date(2024, 1, 1)


def test_date_outlet_and_body_are_split() -> None:
    header = parse_header(" date 2023-02-16 Islam Times - NATO met.", latest_date=LATEST)
    assert header.published_date == date(2023, 2, 16)
    assert header.outlet == "Islam Times"
    assert header.body == "NATO met."


def test_leading_space_is_optional_and_outlet_is_optional() -> None:
    header = parse_header("date 2023-02-14 A two-day meeting starts.", latest_date=LATEST)
    assert header.outlet is None
    assert header.body == "A two-day meeting starts."


def test_header_alone_on_its_line_leaves_the_body_intact() -> None:
    header = parse_header("date 2023-02-14\n\nFirst paragraph.", latest_date=LATEST)
    assert header.body.strip() == "First paragraph."


@pytest.mark.parametrize(
    "first_line",
    [
        "Kyiv says - what follows is a sentence.",
        "The minister said on Tuesday that the plan - which was - failed.",
        "U.S. officials - who spoke anonymously - said so.",
    ],
)
def test_sentences_with_a_dash_are_not_outlets(first_line: str) -> None:
    outlet, body = split_outlet(first_line)
    assert outlet is None
    assert body == first_line


@pytest.mark.parametrize("outlet", ["BBC News", "The Hill", "Times of India", "Reuters"])
def test_outlet_names(outlet: str) -> None:
    assert split_outlet(f"{outlet} - Body text.") == (outlet, "Body text.")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("NATO met in Brussels.", "no date"),
        ("date yesterday NATO met.", "no parsable date"),
        ("date 2023-2-14 NATO met.", "no parsable date"),
        ("date 2023-02-30 NATO met.", "impossible date 2023-02-30"),
        ("date 1850-01-01 NATO met.", "implausible date"),
        ("date 2099-01-01 NATO met.", "future date 2099-01-01"),
    ],
)
def test_bad_dates_are_rejected_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(Rejected, match=reason):
        parse_header(text, latest_date=LATEST)
