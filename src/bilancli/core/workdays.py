"""French working days (jours ouvrés), the one place that counts them.

A working day is Monday to Friday and not a French public holiday
(metropolitan France, the `holidays` library: 1 January, Easter Monday,
1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November,
11 November, 25 December).

Whit Monday (lundi de Pentecôte) stays a holiday here: it is a public holiday
in law (Code du travail L3133-1) and in the library, even though many
employers make it their "journée de solidarité" (L3133-7). Counting it as a
working day would move an EDOF deadline one day earlier; the law's list wins,
and a consultant who wants a margin simply declares earlier.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta

# year → that year's public holidays; computing them is costly, so it is injected and memoised.
HolidaySource = Callable[[Iterable[int]], Mapping[int, frozenset[date]]]


def french_public_holidays(years: Iterable[int]) -> dict[int, frozenset[date]]:
    """The public holidays of metropolitan France for each year, from the `holidays` library."""
    # ~130 ms to import: only when a working-day deadline is actually computed.
    import holidays

    wanted = sorted(set(years))
    calendar = holidays.country_holidays("FR", years=wanted)
    by_year: dict[int, set[date]] = {year: set() for year in wanted}
    for day in calendar:
        by_year.setdefault(day.year, set()).add(day)
    return {year: frozenset(days) for year, days in by_year.items()}


class WorkCalendar:
    """Working-day arithmetic over a holiday source, each year fetched once."""

    def __init__(self, source: HolidaySource = french_public_holidays) -> None:
        self._source = source
        self._years: dict[int, frozenset[date]] = {}
        self._after: dict[tuple[date, int], date] = {}  # many bilans share the same dates

    def holidays(self, year: int) -> frozenset[date]:
        if year not in self._years:
            # Fetch the neighbour too: a deadline late in December runs into January.
            fetched = self._source([year, year + 1])
            for y, days in fetched.items():
                self._years.setdefault(y, frozenset(days))
            self._years.setdefault(year, frozenset())
        return self._years[year]

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.holidays(day.year)

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (the day of the event itself is not counted)."""
        known = self._after.get((start, count))
        if known is not None:
            return known
        day = start
        remaining = count
        while remaining > 0:
            if day >= date.max - timedelta(days=7):
                return date.max   # a date stored before dates were bounded: never a crash
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        self._after[(start, count)] = day
        return day
