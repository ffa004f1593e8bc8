"""What the calendar of `bilan calendrier` holds (SPEC §9), as plain events: pure, no I/O.

A calendar synced to an online service is a disclosure (L6313-4 al. 4, the professional
secret): by default an event carries the bilan's id, its number, when and how, never the
beneficiary's name nor any content. `--noms` adds the name, and the place or link the
consultant typed (which may name the beneficiary too: their address, a room named after
them). Each rendez-vous keeps its `UID` for good, so that a re-import updates the event
instead of adding another; its `SEQUENCE` rises with each move, and once more when it is
cancelled, so that every calendar takes the cancellation as the newer version.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date, timedelta

from bilancli import messages as msg
from bilancli.core.formats import full_name
from bilancli.core.semaine.rdv import is_follow_up

# How far back the calendar goes: a subscribed calendar drops what the file no longer holds,
# and a year of rendez-vous is what a consultant looks back on (older ones stay in
# `bilan rdv list ID`).
PAST_DAYS = 365
CONFIRMED, CANCELLED = "CONFIRMED", "CANCELLED"


class Event(namedtuple("Event", "uid start end all_day sequence status summary location"
                                " description stamp", defaults=(None, None, None))):
    """One VEVENT: a stable `uid`; `start` and `end`, local wall times (or days when
    `all_day`); `stamp`, the day of its last change (DTSTAMP)."""

    __slots__ = ()


def first_day(today: date) -> date:
    return today - timedelta(days=PAST_DAYS)


def rdv_events(bookings, with_names: bool, cabinet_address: str | None) -> list[Event]:
    """One event per rendez-vous (`Booking`), cancelled ones included, marked so."""
    events = []
    for b in bookings:
        r = b.rdv
        follow_up = is_follow_up(b.phase, b.date_fin, r)
        name = full_name(b.prenom, b.nom) if with_names else ""
        if name:
            template = msg.CALENDRIER_SUIVI_NOMME if follow_up else msg.CALENDRIER_RDV_NOMME
        else:
            template = msg.CALENDRIER_SUIVI if follow_up else msg.CALENDRIER_RDV
        summary = template.format(id=r.bilan_id, numero=r.numero, nom=name)
        cancelled = r.statut == "annule"
        events.append(Event(
            f"{r.bilan_id}-rdv-{r.numero}@bilancli", r.debut, r.fin, False,
            r.moves + cancelled, CANCELLED if cancelled else CONFIRMED, summary,
            _location(r, with_names, cabinet_address), None, r.modified_on))
    return events


def _location(r, with_names: bool, cabinet_address: str | None) -> str:
    """Where, as far as the calendar may say: the cabinet's own address, or the modality;
    the place or link typed for this beneficiary only with `--noms`."""
    typed = r.lien if r.modalite == "visio" else r.lieu
    if typed and with_names:
        return typed
    if r.modalite == "presentiel" and not r.lieu and cabinet_address:
        return cabinet_address
    return msg.MODALITE_LABELS.get(r.modalite, r.modalite)


def deadline_events(items, names: dict, with_names: bool, today: date) -> list[Event]:
    """The agenda's items (but its rendez-vous, already events) as all-day events on their
    due day; `names`: bilan id → (prénom, nom)."""
    events = []
    for i in items:
        if i.quoi == "rdv":
            continue
        what = msg.A_FAIRE.get(i.quoi, i.quoi).format(numero=i.numero)   # an invoice's, a réclamation's
        name = full_name(*names.get(i.bilan, (None, None))) if with_names else ""
        template = msg.CALENDRIER_ECHEANCE_NOMMEE if name else msg.CALENDRIER_ECHEANCE
        summary = template.format(id=i.bilan, quoi=what, nom=name) if i.bilan else what
        key = "-".join(str(part) for part in (i.bilan, i.quoi, i.numero) if part)
        events.append(Event(f"{key}@bilancli", i.date, i.date + timedelta(days=1), True, 0,
                            CONFIRMED, summary, None, i.source, today))
    return events
