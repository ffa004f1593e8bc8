"""Reading and writing dates and durations the way a French consultant types them (SPEC §2)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bilancli import messages as msg
from bilancli.errors import fail

MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
# As a consultant types them (SPEC §2): a two-digit year, or none (this year).
_SHORT_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}))?")
_RELATIVE = {"aujourd'hui": 0, "aujourd’hui": 0, "aujourdhui": 0, "hier": -1, "demain": 1}
# A two-digit year: 70 to 99 are the 1900s, the others this century (dates run 1970 to 2099).
_CENTURY_PIVOT = 70
_HAS_YEAR = re.compile(r"\b\d{4}\b")
_ORDINAL = re.compile(r"\b1\s*(?:er|ère|re)\b")
_HAS_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


# The dates a bilan can hold: a year beyond these is a typo, and one such date must never
# break the deadlines of the whole store (an agenda counting months from 9999-12-31).
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2099, 12, 31)


def parse_date(text: str, today: date | None = None) -> date:
    """Read a date typed by the consultant; ISO is never read day first. With `today`, also
    `aujourd'hui`, `hier`, `demain`, a two-digit year (`22/01/26`) and a day without its
    year (`22/01`, `22 janvier`: this year)."""
    raw = text.strip()
    for pattern, order in ((_ISO, (0, 1, 2)), (_NUMERIC, (2, 1, 0))):
        match = pattern.fullmatch(raw)
        if match:
            parts = [int(g) for g in match.groups()]
            return _in_range(_build(parts[order[0]], parts[order[1]], parts[order[2]], text), text)
    if today is not None:
        shift = _RELATIVE.get(" ".join(raw.lower().split()))
        if shift is not None:
            return _in_range(today + timedelta(days=shift), text)
        match = _SHORT_NUMERIC.fullmatch(raw)
        if match:
            day, month, year = match.groups()
            return _in_range(_build(_full_year(year, today), int(month), int(day), text), text)
    return _in_range(_parse_french(raw, text, today), text)


def _full_year(typed: str | None, today: date) -> int:
    if typed is None:
        return today.year
    short = int(typed)
    return (1900 if short >= _CENTURY_PIVOT else 2000) + short


def _in_range(day: date, text: str) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise fail(msg.DATE_HORS_LIMITES, saisie=text, premier=format_date(FIRST_DAY),
                   dernier=format_date(LAST_DAY))
    return day


def _build(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise fail(msg.DATE_IMPOSSIBLE, saisie=text) from None


def _parse_french(raw: str, text: str, today: date | None = None) -> date:
    cleaned = _ORDINAL.sub("1", raw.lower()).replace(",", " ")
    if today is not None and not _HAS_YEAR.search(cleaned):
        cleaned = f"{cleaned} {today.year}"   # « 22 janvier », « lundi 3 mars »: this year
    # A day, a month in words and a year: « mars 2026 » or « 02/2026 » name no day, and the
    # parser would quietly take one.
    if not (_HAS_YEAR.search(cleaned) and _HAS_DAY.search(cleaned) and _names_a_month(cleaned)):
        raise fail(msg.DATE_ILLISIBLE, saisie=text)
    # The parser is imported here: it costs start-up time on every command otherwise.
    from dateutil import parser as dateparser

    try:
        result = dateparser.parse(cleaned, parserinfo=_french_parserinfo(), dayfirst=True)
    except dateparser.ParserError as exc:
        if "out of range" in str(exc) or "must be in" in str(exc):
            raise fail(msg.DATE_IMPOSSIBLE, saisie=text) from None
        raise fail(msg.DATE_ILLISIBLE, saisie=text) from None
    except (ValueError, OverflowError):
        raise fail(msg.DATE_IMPOSSIBLE, saisie=text) from None
    day = result.date()
    _check_weekday(cleaned, day, text)
    return day


def _spellings(name: str) -> tuple[str, ...]:
    """A month as a consultant may write it: « février », « fevrier », « févr », « fev »."""
    plain = name.replace("é", "e").replace("û", "u")
    return (name, plain, plain[:4], plain[:3]) if len(name) > 4 else (name, plain)


def _names_a_month(cleaned: str) -> bool:
    """A month in words (« lundi 3 » names a weekday and a day, no month: the parser would
    quietly read the 3 as March)."""
    return any(word in _MONTH_WORDS for word in re.findall(r"[a-zéûè]+", cleaned))


def _check_weekday(cleaned: str, day: date, text: str) -> None:
    """dateutil ignores a weekday once the date is complete; a wrong one is a typo worth catching."""
    words = re.findall(r"[a-zéû]+", cleaned)
    named = [i for i, name in enumerate(WEEKDAYS_FR) if name in words]
    if named and named[0] != day.weekday():
        raise fail(
            msg.DATE_JOUR_SEMAINE, saisie=text, date=format_date_long(day),
            jour=WEEKDAYS_FR[day.weekday()],
        )


_PARSERINFO = None


def _french_parserinfo():
    global _PARSERINFO
    if _PARSERINFO is None:
        from dateutil import parser as dateparser

        class FrenchParserInfo(dateparser.parserinfo):
            MONTHS = [_spellings(m) for m in MONTHS_FR]
            WEEKDAYS = [(d, d[:3]) for d in WEEKDAYS_FR]
            JUMP = [" ", ".", ",", ";", "-", "/", "'", "le", "de", "du", "et", "à"]
            HMS = [("h", "heure", "heures"), ("m", "min", "minute"), ("s", "seconde")]
            AMPM = [("am",), ("pm",)]
            PERTAIN = ["de"]

        _PARSERINFO = FrenchParserInfo(dayfirst=True)
    return _PARSERINFO


def parse_year(text: str) -> int:
    """A year as `--annee` takes it: four ASCII digits (str.isdigit alone accepts "²")."""
    raw = text.strip()
    if not raw.isascii() or not raw.isdigit() or len(raw) != 4:
        raise fail(msg.ANNEE_INVALIDE, saisie=text)
    return int(raw)


def require_not_future(day: date, today: date, what: str) -> None:
    """A date that records something done (an entretien held, a signature, the end of the
    action) cannot be later than today: a future `date_fin` would put off the R6313-7
    destruction, a future entretien would open the gates before it is held."""
    if day > today:
        raise fail(msg.DATE_FUTURE, quoi=what, date=format_date(day), aujourdhui=format_date(today))


def check_range(first: date | None, last: date | None) -> None:
    """`--du` and `--au` name a period: its end cannot come before its start."""
    if first is not None and last is not None and last < first:
        raise fail(msg.PERIODE_INVERSEE, du=format_date(first), au=format_date(last))


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def from_iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def format_date(day: date | None) -> str:
    """`12/01/2026`, the short French form used in tables (strftime is slow enough to show
    in a list of ten thousand bilans)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else ""


def format_iso(text: str | None) -> str:
    """`2026-01-12` as stored → `12/01/2026`, without building a date."""
    return f"{text[8:10]}/{text[5:7]}/{text[:4]}" if text else ""


def format_date_long(day: date) -> str:
    """`1er avril 2026`, the form used in documents."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS_FR[day.month - 1]} {day.year}"


def format_day_long(day: date) -> str:
    """`lundi 3 août 2026`, the day of a rendez-vous in words."""
    return f"{WEEKDAYS_FR[day.weekday()]} {format_date_long(day)}"


# --- Hours of the day (SPEC §9) -----------------------------------------------

_HOUR = re.compile(r"([0-9]{1,2})\s*(?:h\s*([0-9]{2})?|:\s*([0-9]{2}))")


def parse_time(text: str):
    """`14:30`, `14h30`, `14h`, `9h` → a `time`; `25:00` or `14h75` are refused."""
    from datetime import time

    match = _HOUR.fullmatch(text.strip().lower())
    if not match:
        raise fail(msg.HEURE_ILLISIBLE, saisie=text)
    hours, minutes = int(match.group(1)), int(match.group(2) or match.group(3) or 0)
    if hours > 23 or minutes > 59:
        raise fail(msg.HEURE_IMPOSSIBLE, saisie=text)
    return time(hours, minutes)


def format_time(moment) -> str:
    """`14h30`, `9h00`: the French way to write an hour."""
    return f"{moment.hour}h{moment.minute:02d}"


# --- Durations -------------------------------------------------------------

_HOURS_MINUTES = re.compile(r"(\d+)\s*h\s*(?:(\d{1,2})\s*(?:min|mn|m)?)?")
_MINUTES = re.compile(r"(\d+)\s*(?:min|mn|minutes?)")
_DECIMAL_HOURS = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:h|heures?)?")


def parse_duration(text: str) -> int:
    """Read a duration and return it in whole minutes (`1h30` → 90)."""
    raw = text.strip().lower()
    minutes: float | None = None
    if match := _HOURS_MINUTES.fullmatch(raw):
        minutes = int(match.group(1)) * 60 + int(match.group(2) or 0)
        if match.group(2) and int(match.group(2)) >= 60:
            raise fail(msg.DUREE_ILLISIBLE, saisie=text)
    elif match := _MINUTES.fullmatch(raw):
        minutes = int(match.group(1))
    elif match := _DECIMAL_HOURS.fullmatch(raw):
        minutes = float(match.group(1).replace(",", ".")) * 60
    if minutes is None:
        if re.fullmatch(r"-\s*\d.*", raw):
            raise fail(msg.DUREE_NON_POSITIVE, saisie=text)
        raise fail(msg.DUREE_ILLISIBLE, saisie=text)
    rounded = round(minutes)
    if rounded <= 0:
        raise fail(msg.DUREE_NON_POSITIVE, saisie=text)
    return rounded


def format_minutes(minutes: int) -> str:
    """`90` → `1h30`, `120` → `2h`."""
    hours, rest = divmod(minutes, 60)
    return f"{hours}h{rest:02d}" if rest else f"{hours}h"


def format_months(months: int) -> str:
    """`12` → `1 an`, `36` → `3 ans`, `18` → `18 mois`."""
    if months % 12 == 0:
        years = months // 12
        return f"{years} an" if years == 1 else f"{years} ans"
    return f"{months} mois"


def format_hours(minutes: int) -> str:
    """Hours as a French decimal number (`90` → `1,5`)."""
    value = round(minutes / 60, 2)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def days_later(day: date, days: int) -> date:
    """`day` + `days`, at most the last day Python knows (for a date stored before dates
    were bounded: no deadline, never a crash)."""
    from datetime import timedelta

    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def months_later(day: date, months: int) -> date:
    """Calendar months, clamped to the month's end (31 août + 6 mois → 28 février)."""
    # Plain arithmetic rather than dateutil's relativedelta or calendar.monthrange (which
    # also computes a weekday): the agenda calls it for every bilan.
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    if year > 9999:   # a date stored before dates were bounded: no deadline, never a crash
        return date.max
    if day.day <= 28:
        return date(year, month0 + 1, day.day)
    last = _MONTH_DAYS[month0]
    if month0 == 1 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        last = 29
    return date(year, month0 + 1, min(day.day, last))


_MONTH_WORDS = frozenset(s for month in MONTHS_FR for s in _spellings(month))
