"""French working days for the EDOF deadlines: weekends and public holidays skipped."""

from datetime import date

import pytest

from bilancli.core.workdays import WorkCalendar, french_public_holidays


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


def test_the_agenda_asks_the_library_and_keeps_no_file_of_holidays(bilan, monkeypatch):
    """Issue 19: no cache whose only purpose is to dodge an import. 1 May 2026 (a Friday)
    is skipped by the library itself, and nothing is written under BILAN_HOME/cache."""
    import holidays

    asked = []
    real = holidays.country_holidays

    def counted(*args, **kwargs):
        asked.append(kwargs.get("years"))
        return real(*args, **kwargs)

    monkeypatch.setattr(holidays, "country_holidays", counted)
    bilan.today("2026-05-02")
    bid = bilan.new("--financement", "cpf", "--date", "2026-04-01")
    bilan("entretien", "add", bid, "--date", "2026-04-30", "--duree", "1h")
    counts = []
    for _ in range(2):
        items = bilan.json("agenda")
        assert [(i["quoi"], i["date"]) for i in items] == [("edof_entree", "2026-05-06")]
        counts.append(len(asked))
    assert 0 < counts[0] < counts[1]   # the library each time: nothing kept in between
    assert not (bilan.home / "cache").exists()


def test_an_earlier_version_s_holidays_file_goes_through_no_link(bilan, tmp_path):
    """The file the holiday cache left is removed with the kept calendar; a link in its
    place is removed as a link, its target left as it was."""
    bilan.new()
    cache = bilan.home / "cache"
    cache.mkdir()
    (cache / "feries-fr.json").write_text('{"2026": []}')
    outside = tmp_path / "outside.json"
    outside.write_text("keep me")
    (cache / "feries-fr.123.tmp").symlink_to(outside)
    bilan("calendrier")
    assert sorted(p.name for p in cache.iterdir()) == ["calendrier.ics"]
    assert outside.read_text() == "keep me"
