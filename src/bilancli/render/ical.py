"""Events as an iCalendar file (RFC 5545), written by the icalendar library: imported here
only, by `bilan calendrier` (it costs about three times Python's own start-up)."""

from __future__ import annotations

import hashlib
import os
import stat

from bilancli import __version__
from bilancli.core.formats import clean, clean_for_document
from bilancli.errors import BilanError
from bilancli.store.folders import open_folder
from bilancli.store.shred import shred_name

TZID = "Europe/Paris"
PRODID = "-//bilancli//bilan calendrier//FR"


def to_ical(events, name: str, today) -> bytes:
    """The calendar: each timed event in `TZID` with its VTIMEZONE, each day an all-day one."""
    from datetime import datetime, time, timezone
    from zoneinfo import ZoneInfo

    import icalendar


    paris = ZoneInfo(TZID)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", clean(name))
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(_timezone(icalendar, events, today))
    stamps = {}
    for e in events:
        event = icalendar.Event()
        event.add("uid", e.uid)
        stamp = stamps.get(e.stamp)
        if stamp is None:
            stamp = stamps[e.stamp] = datetime.combine(e.stamp, time(), timezone.utc)
        event.add("dtstamp", stamp)
        if e.all_day:
            event.add("dtstart", e.start)
            event.add("dtend", e.end)
            event.add("transp", "TRANSPARENT")
        else:
            event.add("dtstart", e.start.replace(tzinfo=paris))
            event.add("dtend", e.end.replace(tzinfo=paris))
        event.add("sequence", e.sequence)
        event.add("status", e.status)
        # Typed text reaches the phone as it reaches the terminal: no control character
        # (RFC 5545 allows none in TEXT), no bidirectional override; a place or a description
        # keeps its line breaks and tabs (escaped by icalendar), as every document does.
        event.add("summary", clean(e.summary))
        if e.location:
            event.add("location", clean_for_document(e.location))
        if e.description:
            event.add("description", clean_for_document(e.description))
        if e.status == "CANCELLED":
            event.add("transp", "TRANSPARENT")   # no longer keeps the hour busy
        calendar.add_component(event)
    return calendar.to_ical()


def _timezone(icalendar, events, today):
    """The VTIMEZONE of Europe/Paris (icalendar ≥ 6.1), its changes of hour listed over the
    years the events span (the default, 1970 to 2038, would weigh more than the events)."""
    from datetime import date

    days = [e.start if e.all_day else e.start.date() for e in events] or [today]
    first, last = min(days), max(days)
    zone = icalendar.Timezone.from_tzid(TZID, first_date=date(first.year, 1, 1),
                                        last_date=date(last.year + 2, 1, 1))
    zone.pop("COMMENT", None)   # the library's note on that span, in English: not for the consultant
    return zone


CACHE = ("cache", "calendrier.ics")


def cached(home: str, events, name: str, today) -> bytes:
    """The calendar as `to_ical` writes it, kept under BILAN_HOME/cache while its events do
    not change: a phone or Outlook polls the same calendar every few minutes, and icalendar
    costs more than the rest of the command. Never called with names (`--noms`): the cache
    holds bilan ids, days, times and modalities, no name and no content. `cache/` and the
    kept file are reached without following a link (a link there is removed as a link)."""
    key = hashlib.sha256(repr((events, name, today, __version__)).encode()).hexdigest()
    kept = _read_kept(home)
    if kept is not None and kept.startswith(key.encode() + b"\n"):
        return kept[len(key) + 1:]
    data = to_ical(events, name, today)
    _keep(home, key.encode() + b"\n" + data)
    return data


def _cache_folder(home: str, create: bool = False):
    """`cache/`'s descriptor (None when absent or unusable): a cache that cannot be used is
    only slower."""
    try:
        return open_folder(home, CACHE[0], create=create, unlink_link=True)
    except BilanError:
        return None


def _read_kept(home: str) -> bytes | None:
    folder = _cache_folder(home)
    if folder is None:
        return None
    try:
        fd = os.open(CACHE[1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    except OSError:
        return None
    finally:
        os.close(folder)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def _keep(home: str, data: bytes) -> None:
    """Atomically, 0600 in a 0700 folder (never through a link); only in a data folder that
    exists (a mistyped --home is left without trace); a cache that cannot be written is
    only slower. What a killed run left, and the calendar replaced, are destroyed first."""
    if not os.path.isdir(home):
        return
    folder = _cache_folder(home, create=True)
    if folder is None:
        return
    temp = f"{CACHE[1]}.{os.getpid()}.tmp"
    try:
        _destroy_kept_in(folder)
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o600,
                     dir_fd=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, CACHE[1], src_dir_fd=folder, dst_dir_fd=folder)
    except OSError:
        try:
            shred_name(temp, folder)
            _destroy_kept_in(folder)
        except OSError:
            pass
    finally:
        os.close(folder)


# Left in `cache/` by earlier versions: the French public holidays, kept to spare an import
# (no personal data); removed, as a link-aware removal, whenever the cache is touched.
_OLD_HOLIDAYS = "feries-fr."


def _destroy_kept_in(folder: int) -> None:
    """The kept calendar and any temporary one a killed run left (`calendrier.ics.PID.tmp`),
    inside the open `cache/` folder; the holidays an earlier version kept there too."""
    for name in os.listdir(folder):
        if name == CACHE[1] or (name.startswith(CACHE[1] + ".") and name.endswith(".tmp")) \
                or name.startswith(_OLD_HOLIDAYS) and name.endswith((".json", ".tmp")):
            try:
                shred_name(name, folder)
            except OSError:
                pass


def forget(home: str) -> None:
    """A bilan deleted: its days and times leave the kept calendar too."""
    folder = _cache_folder(home)
    if folder is None:
        return
    try:
        _destroy_kept_in(folder)
    except OSError:
        pass
    finally:
        os.close(folder)
