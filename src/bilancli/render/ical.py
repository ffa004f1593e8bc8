"""Events as an iCalendar file (RFC 5545), written by the icalendar library: imported here
only, by `bilan calendrier` (it costs about three times Python's own start-up)."""

from __future__ import annotations

from bilancli.core.formats import clean, clean_for_document

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
