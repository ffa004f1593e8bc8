"""Dates and durations as a consultant types them (SPEC §2), without a database."""

from datetime import date

import pytest

from bilancli.core.dates import (
    format_date,
    format_date_long,
    format_hours,
    format_minutes,
    months_later,
    parse_date,
    parse_duration,
    parse_year,
)
from bilancli.errors import BilanError


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-04-03", date(2026, 4, 3)),      # ISO is never read day first
        ("2026-4-3", date(2026, 4, 3)),
        ("03/04/2026", date(2026, 4, 3)),      # numeric dates are day first
        ("3/4/2026", date(2026, 4, 3)),
        ("03.04.2026", date(2026, 4, 3)),
        ("3 mars 2026", date(2026, 3, 3)),
        ("1er avril 2026", date(2026, 4, 1)),
        ("lundi 3 août 2026", date(2026, 8, 3)),
        ("3 aout 2026", date(2026, 8, 3)),
        ("12 Décembre 2026", date(2026, 12, 12)),
        ("15 fevrier 2027", date(2027, 2, 15)),
        ("  29 février 2028 ", date(2028, 2, 29)),
    ],
)
def test_every_form_of_spec_2_is_read(typed, expected):
    assert parse_date(typed) == expected


@pytest.mark.parametrize("typed", ["31/02/2026", "2026-02-30", "29 février 2027", "32.01.2026"])
def test_an_impossible_date_is_refused_quoting_it(typed):
    with pytest.raises(BilanError) as caught:
        parse_date(typed)
    assert "impossible" in caught.value.message
    assert typed in caught.value.message


@pytest.mark.parametrize("typed", ["demain", "3 mars", "2026/13", "", "mars 2026 3 4 5 6"])
def test_an_unreadable_date_is_refused_quoting_it(typed):
    with pytest.raises(BilanError) as caught:
        parse_date(typed)
    assert f"« {typed} »" in caught.value.message


def test_a_weekday_that_contradicts_the_date_is_refused():
    with pytest.raises(BilanError) as caught:
        parse_date("mardi 3 août 2026")
    assert "lundi" in caught.value.message


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [("2h", 120), ("1h30", 90), ("1h05", 65), ("90min", 90), ("45 min", 45), ("1.5", 90),
     ("1,5", 90), ("2", 120), ("0,25", 15), ("3 h", 180), ("1H30", 90)],
)
def test_durations(typed, minutes):
    assert parse_duration(typed) == minutes


@pytest.mark.parametrize("typed", ["0", "0min", "-1h", "-2", "0,0"])
def test_zero_or_negative_durations_are_refused(typed):
    with pytest.raises(BilanError) as caught:
        parse_duration(typed)
    assert "strictement positive" in caught.value.message


@pytest.mark.parametrize("typed", ["deux heures", "1h75", "", "h", "1:30"])
def test_unreadable_durations_are_refused(typed):
    with pytest.raises(BilanError) as caught:
        parse_duration(typed)
    assert "illisible" in caught.value.message


def test_french_writing_of_dates_and_hours():
    assert format_date(date(2026, 1, 12)) == "12/01/2026"
    assert format_date_long(date(2026, 4, 1)) == "1er avril 2026"
    assert format_date_long(date(2026, 8, 15)) == "15 août 2026"
    assert format_minutes(90) == "1h30"
    assert format_minutes(120) == "2h"
    assert format_hours(90) == "1,5"
    assert format_hours(1440) == "24"


def test_calendar_months_clamp_to_the_end_of_month():
    assert months_later(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert months_later(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert months_later(date(2026, 3, 15), 6) == date(2026, 9, 15)
    assert months_later(date(2099, 8, 31), 6) == date(2100, 2, 28)   # not a leap year
    assert months_later(date(1999, 8, 31), 6) == date(2000, 2, 29)   # a leap year
    assert months_later(date(2026, 1, 30), 1) == date(2026, 2, 28)
    assert months_later(date(2026, 5, 31), 1) == date(2026, 6, 30)
    assert months_later(date(2025, 12, 31), 60) == date(2030, 12, 31)


def test_a_year_is_four_digits():
    assert parse_year(" 2025 ") == 2025


@pytest.mark.parametrize("typed", ["26", "deux", "20256", "２０２６", "202²"])
def test_anything_else_is_refused_quoting_it(typed):
    with pytest.raises(BilanError) as caught:
        parse_year(typed)
    assert f"« {typed} »" in caught.value.message


TODAY = date(2026, 3, 2)   # a Monday


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("aujourd'hui", TODAY), ("Aujourd’hui", TODAY), ("hier", date(2026, 3, 1)),
        ("demain", date(2026, 3, 3)), (" HIER ", date(2026, 3, 1)),
        ("22/01/26", date(2026, 1, 22)),        # a two-digit year
        ("22.01.26", date(2026, 1, 22)),
        ("3/4/99", date(1999, 4, 3)),
        ("22/01", date(2026, 1, 22)),           # no year: this year
        ("22 janvier", date(2026, 1, 22)),
        ("1er avril", date(2026, 4, 1)),
        ("lundi 2 mars", TODAY),
        ("2026-01-22", date(2026, 1, 22)),      # the full forms are unchanged
        ("22/01/2025", date(2025, 1, 22)),
    ],
)
def test_the_dates_a_consultant_types_are_read_from_today(typed, expected):
    """SPEC §2: from `BILAN_TODAY` (or the clock), passed in."""
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize(("typed", "key"), [
    ("mardi 2 mars", "DATE_JOUR_SEMAINE"),      # the 2nd of March 2026 is a Monday
    ("mardi 2 mars 2026", "DATE_JOUR_SEMAINE"),
    ("30/02", "DATE_IMPOSSIBLE"), ("22/13/26", "DATE_IMPOSSIBLE"),
    ("mars", "DATE_ILLISIBLE"), ("22/01/2", "DATE_ILLISIBLE"), ("avant-hier soir", "DATE_ILLISIBLE"),
    # A weekday and a number name no month: never read as the 3rd month (found by a probe).
    ("lundi 3", "DATE_ILLISIBLE"), ("3 lundi", "DATE_ILLISIBLE"), ("vendredi 1 2026", "DATE_ILLISIBLE"),
])
def test_what_contradicts_itself_or_cannot_be_read_is_refused(typed, key):
    with pytest.raises(BilanError) as caught:
        parse_date(typed, TODAY)
    assert caught.value.key == key and typed.strip() in caught.value.message


def test_relative_words_need_today():
    with pytest.raises(BilanError) as caught:
        parse_date("hier")
    assert caught.value.key == "DATE_ILLISIBLE"
