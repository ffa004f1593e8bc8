"""Events as an iCalendar file (RFC 5545), written by the icalendar library: imported here
only, by `bilan calendrier` (it costs about three times Python's own start-up)."""

from __future__ import annotations

TZID = "Europe/Paris"
PRODID = "-//bilancli//bilan calendrier//FR"


def to_ical(events, name: str, today) -> bytes:
    """The calendar: each timed event in `TZID` with its VTIMEZONE, each day an all-day one."""
    from datetime import datetime, time, timezone
    from zoneinfo import ZoneInfo

    import icalendar

    from bilancli.core.formats import clean, clean_for_document

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
    return icalendar.Timezone.from_tzid(TZID, first_date=date(first.year, 1, 1),
                                        last_date=date(last.year + 2, 1, 1))


CACHE = ("cache", "calendrier.ics")


def cached(home: str, events, name: str, today) -> bytes:
    """The calendar as `to_ical` writes it, kept under BILAN_HOME/cache while its events do
    not change: a phone or Outlook polls the same calendar every few minutes, and icalendar
    costs more than the rest of the command. Never called with names (`--noms`): the cache
    holds bilan ids, days, times and modalities, no name and no content."""
    import hashlib
    import os

    from bilancli import __version__

    key = hashlib.sha256(repr((events, name, today, __version__)).encode()).hexdigest()
    path = os.path.join(home, *CACHE)
    try:
        with open(path, "rb") as handle:
            kept = handle.read()
        if kept.startswith(key.encode() + b"\n"):
            return kept[len(key) + 1:]
    except OSError:
        pass
    data = to_ical(events, name, today)
    _keep(home, path, key.encode() + b"\n" + data)
    return data


def _keep(home: str, path: str, data: bytes) -> None:
    """Atomically, 0600 in a 0700 folder (never through a link); only in a data folder that
    exists (a mistyped --home is left without trace); a cache that cannot be written is
    only slower. What a killed run left, and the calendar replaced, are destroyed first."""
    import os

    from bilancli.errors import BilanError
    from bilancli.store.db import ensure_private_dir, new_private_file

    if not os.path.isdir(home):
        return
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        ensure_private_dir(os.path.dirname(path))
        _destroy_kept(home)
        fd = new_private_file(temp)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except (OSError, BilanError):
        _destroy_kept(home)


def _destroy_kept(home: str) -> None:
    """The kept calendar and any temporary one a killed run left (`calendrier.ics.PID.tmp`)."""
    import os

    from bilancli.store.shred import shred_name

    folder = os.path.join(home, CACHE[0])
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name == CACHE[1] or (name.startswith(CACHE[1] + ".") and name.endswith(".tmp")):
            try:
                shred_name(os.path.join(folder, name))
            except OSError:
                pass


def forget(home: str) -> None:
    """A bilan deleted: its days and times leave the kept calendar too."""
    _destroy_kept(home)
