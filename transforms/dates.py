"""Resolving date expressions against an article's publication date.

News dates are mostly relative ("on Tuesday", "next week", "a year ago") or
omit the year ("On February 24"); a reader resolves them from the publication
date and the tense of the clause. dateparser does the calendar arithmetic
(RELATIVE_BASE = publication date, PREFER_DATES_FROM from the tense); this
module decides what counts as a date expression, maps tense to preference and
reports precision and source in the warehouse's vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Literal, get_args

from dateparser.date import DateDataParser

Tense = Literal["past", "present", "future"]
Precision = Literal["day", "week", "month", "year"]
PRECISIONS: tuple[Precision, ...] = get_args(Precision)

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = r"mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun"
_EXPLICIT = re.compile(rf"\b(?:{_MONTHS})\b\.?|\b(?:1[89]|20)\d\d\b", re.IGNORECASE)
_ANCHOR = re.compile(
    rf"\b(?:{_MONTHS})\b|\b(?:{_WEEKDAYS})(?:day)?\b|\b(?:1[89]|20)\d\d\b|"
    r"\b(?:today|tonight|yesterday|tomorrow|ago|last|next|this|coming|earlier|later)\b",
    re.IGNORECASE,
)
_NOT_A_POINT = re.compile(
    r"\b(?:\d{4}s|decades?|centur(?:y|ies)|recent|past|years-old|year-old|-day|-week|"
    r"-month|-year|anniversary|same|every|each|within|for|season|weekends?)\b",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:(?:on|in|at|by|since|until|till|from|during|as of|before|after|around|"
    r"early|earlier|late|later|the|of)\s+)+",
    re.IGNORECASE,
)
_WEEKDAY_ONLY = re.compile(rf"^(?:(?!last|next).)*\b(?:{_WEEKDAYS})(?:day)?\b", re.IGNORECASE)
_EARLIER_LATER_THIS = re.compile(r"\b(?:earlier|later)\s+(?=this\b)", re.IGNORECASE)
# A clock time or a night's edge, with its hedges and time zone: "shortly after
# 06:00 GMT", "at around 6am", "almost midnight".
TIME_OF_DAY = re.compile(
    r"\b(?:(?:shortly|just|almost|around|about|approximately|nearly)\s+)*"
    r"(?:(?:before|after|by|at|around|about)\s+)*"
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*[ap]\.?m\b\.?|(?:[01]?\d|2[0-3]):[0-5]\d\b"
    r"|midnight|noon|midday|overnight)"
    r"(?:\s+(?:GMT|BST|UTC|CET|[ECMP][SD]?T|local(?:\s+time)?)\b)?",
    re.IGNORECASE,
)
# The warehouse's window for event dates: history from 1900, plans five years ahead.
EARLIEST = date(1900, 1, 1)
HORIZON = timedelta(days=5 * 366)
_PREFERENCE = {"past": "past", "future": "future", "present": "current_period"}


@dataclass(frozen=True)
class ResolvedDate:
    value: date
    precision: Precision
    source: Literal["explicit", "relative"]
    text: str


@cache
def _parser(published: date, preference: str) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(published.year, published.month, published.day),
            "PREFER_DATES_FROM": preference,
            "RETURN_TIME_AS_PERIOD": True,
            "STRICT_PARSING": False,
        },
    )


def _period_start(value: date, period: str) -> tuple[date, Precision] | None:
    if period in ("day", "time", "part_of_day"):
        return value, "day"
    if period == "week":
        return value - timedelta(days=value.weekday()), "week"
    if period == "month":
        return value.replace(day=1), "month"
    if period == "year":
        return value.replace(month=1, day=1), "year"
    return None


def time_of_day_only(expression: str) -> bool:
    """A clock time with no day ("at 6am", "shortly after 06:00 GMT"): news
    means the publication day by it, unless the sentence names another."""
    day = TIME_OF_DAY.sub(" ", expression)
    return day != expression and not _ANCHOR.search(day)


def resolve_date(expression: str, published: date, tense: Tense | None) -> ResolvedDate | None:
    """The calendar date an expression points at, or None for durations, ages,
    decades, anything that is not a point in time, and points outside the
    years news dates events in (a centuries-old or far-off target year)."""
    resolved = _point_in_time(expression, published, tense)
    return resolved if resolved is not None and in_window(resolved.value, published) else None


def beyond_window(expression: str, published: date, tense: Tense | None) -> bool:
    """A point in time outside the window: the event it dates happened or is
    planned then, so no other date of its sentence stands in for it."""
    resolved = _point_in_time(expression, published, tense)
    return resolved is not None and not in_window(resolved.value, published)


def in_window(value: date, published: date) -> bool:
    return EARLIEST <= value <= published + HORIZON


@cache
def _point_in_time(expression: str, published: date, tense: Tense | None) -> ResolvedDate | None:
    text = " ".join(expression.split())
    if _NOT_A_POINT.search(text):
        return None
    if time_of_day_only(text):
        return ResolvedDate(published, "day", "relative", text)
    day = " ".join(TIME_OF_DAY.sub(" ", text).split())
    if not _ANCHOR.search(day):
        return None
    core = _EARLIER_LATER_THIS.sub("", _LEADING.sub("", day)) or day
    preference = _PREFERENCE.get(tense or "past", "past")
    data = _parser(published, preference).get_date_data(core)
    if data.date_obj is None or data.period is None:
        return None
    start = _period_start(data.date_obj.date(), data.period)
    if start is None:
        return None
    value, precision = start
    # A weekday in a past or present clause is the latest such day on or before
    # publication: "on Wednesday" in a Wednesday paper is that same day.
    same_weekday_last_week = (published - value).days == 7
    if tense != "future" and precision == "day" and same_weekday_last_week:
        value = published if _WEEKDAY_ONLY.search(text) else value
    source: Literal["explicit", "relative"] = "explicit" if _EXPLICIT.search(text) else "relative"
    return ResolvedDate(value, precision, source, text)
