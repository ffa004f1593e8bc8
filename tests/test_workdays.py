"""French working days for the EDOF deadlines: weekends and public holidays skipped."""

import os
import stat
from datetime import date

import pytest

from bilancli.core.workdays import WorkCalendar, french_public_holidays
from bilancli.store.feries import cached_source


@pytest.fixture(scope="module")
def calendar():
    return WorkCalendar()


@pytest.mark.parametrize("start, expected", [
    (date(2026, 1, 7), date(2026, 1, 12)),    # Wednesday: Thu, Fri, then Monday
    (date(2026, 1, 9), date(2026, 1, 14)),    # Friday: the weekend does not count
    (date(2026, 1, 10), date(2026, 1, 14)),   # an event on a Saturday: Mon, Tue, Wed
    (date(2026, 4, 30), date(2026, 5, 6)),    # 1 May (Friday)
    (date(2026, 5, 6), date(2026, 5, 12)),    # 8 May (Friday)
    (date(2026, 5, 12), date(2026, 5, 18)),   # Ascension, Thursday 14 May 2026
    (date(2026, 5, 21), date(2026, 5, 27)),   # Whit Monday, 25 May 2026
    (date(2026, 4, 2), date(2026, 4, 8)),     # Easter Monday, 6 April 2026
    (date(2026, 7, 10), date(2026, 7, 16)),   # 14 July (Tuesday)
    (date(2025, 8, 13), date(2025, 8, 19)),   # 15 August 2025 (Friday)
    (date(2026, 12, 23), date(2026, 12, 29)), # Christmas
    (date(2026, 12, 29), date(2027, 1, 4)),   # across the year end and 1 January 2027
    (date(2025, 12, 29), date(2026, 1, 2)),   # 1 January 2026 is a Thursday
])
def test_three_working_days_after(calendar, start, expected):
    assert calendar.add_working_days(start, 3) == expected


def test_whit_monday_is_a_holiday_but_a_plain_monday_is_not(calendar):
    assert not calendar.is_working_day(date(2026, 5, 25))
    assert calendar.is_working_day(date(2026, 6, 1))
    # 15 August 2026 is a Saturday: no extra day off on Monday in France.
    assert calendar.is_working_day(date(2026, 8, 17))


def test_the_library_gives_the_eleven_french_public_holidays():
    days = french_public_holidays([2026])[2026]
    assert len(days) == 11
    assert {date(2026, 5, 1), date(2026, 5, 8), date(2026, 5, 14), date(2026, 7, 14),
            date(2026, 8, 15), date(2026, 11, 11), date(2026, 12, 25)} <= days
    # Alsace-Moselle's Good Friday and 26 December are not national holidays.
    assert date(2026, 4, 3) not in days and date(2026, 12, 26) not in days


def test_each_year_is_asked_of_the_source_once():
    asked = []

    def source(years):
        years = list(years)
        asked.append(years)
        return french_public_holidays(years)

    cal = WorkCalendar(source)
    cal.add_working_days(date(2026, 1, 5), 3)
    cal.add_working_days(date(2026, 6, 5), 3)
    cal.add_working_days(date(2026, 12, 30), 3)
    assert asked == [[2026, 2027]]


def test_the_holiday_cache_is_private_and_spares_the_library(tmp_path, monkeypatch):
    home = tmp_path / "home"
    first = cached_source(home)([2026])
    path = home / "cache" / "feries-fr.json"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600

    def no_library(years):
        raise AssertionError("the library should not be needed again")

    monkeypatch.setattr("bilancli.store.feries.french_public_holidays", no_library)
    assert cached_source(home)([2026]) == first
    path.write_text("{not json")
    monkeypatch.undo()
    assert cached_source(home)([2026]) == first  # a damaged cache is recomputed
