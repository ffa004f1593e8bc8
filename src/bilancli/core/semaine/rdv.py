"""Rendez-vous planned ahead (SPEC §9): when, how long, how, and what the law allows.

One consultant is in one place at a time: a rendez-vous may not overlap another planned
one of any bilan (the store hands the planned ones out; one may start when another
ends). Planned and held hours together stay within the 24 hours of L6313-4 al. 5. Once
held, a rendez-vous is recorded under every rule of `entretien add` (`core.entretiens`),
or after the end of the bilan as its follow-up interview (`core.followup`).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from bilancli import messages as msg
from bilancli.core.changes import RdvCancelled, RdvDone, RdvMoved, RdvPlanned
from bilancli.core.choices import parse_choice, parse_count
from bilancli.core.dates import (
    format_date,
    format_day_long,
    format_hours,
    format_minutes,
    format_time,
    require_not_future,
)
from bilancli.core.dossier import entretiens, followup
from bilancli.core.dossier.entretiens import default_modalite
from bilancli.core.dossier.fields import MAX_MINUTES, optional_text
from bilancli.core.dossier.guards import require_content_kept
from bilancli.core.model import Bilan, RendezVous
from bilancli.errors import fail

SOURCE = "R6313-4"                 # the entretiens of the bilan
HOURS_SOURCE = "L6313-4 al. 5"     # 24 hours at most
PAR = ("beneficiaire", "cabinet")
VISIO, PRESENTIEL = "visio", "presentiel"
# The hours a consultant receives in: a rendez-vous outside them is warned of, never refused.
EARLIEST, LATEST = time(7, 0), time(21, 0)

def parse_numero(text: str) -> int:
    return parse_count(text, 9, msg.RDV_NUMERO_MALFORME)


def parse_par(text: str) -> str:
    return parse_choice(text, PAR, msg.RDV_PAR_INCONNU)


def parse_lien(text: str) -> str:
    """An `http(s)` address with a host, nothing that could run or hide (no spaces)."""
    from urllib.parse import urlsplit

    value = text.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        raise fail(msg.RDV_LIEN_INVALIDE, saisie=text) from None
    if (parts.scheme.lower() not in ("http", "https") or not parts.hostname
            or any(c.isspace() or not c.isprintable() for c in value)):
        raise fail(msg.RDV_LIEN_INVALIDE, saisie=text)
    return value


def start_at(day: date, at: time) -> datetime:
    """The start of a rendez-vous: local wall time in Europe/Paris, without a zone."""
    return datetime.combine(day, at)


def _check_wall_clock(start: datetime, minutes: int) -> None:
    """A time the clocks skip (the spring change, 2:00 → 3:00) does not exist: neither the
    start nor the end of a rendez-vous may fall in that hour."""
    from datetime import timezone
    from zoneinfo import ZoneInfo

    paris = ZoneInfo("Europe/Paris")
    for moment in (start, start + timedelta(minutes=minutes)):
        there = moment.replace(tzinfo=paris).astimezone(timezone.utc).astimezone(paris)
        if there.replace(tzinfo=None) != moment:
            raise fail(msg.RDV_HEURE_INEXISTANTE, heure=format_time(moment),
                       jour=format_day_long(moment.date()))


def _check_same_day(start: datetime, minutes: int) -> None:
    """A rendez-vous ends on its day (midnight at the latest): the convocation and the
    calendar name one day."""
    end = start + timedelta(minutes=minutes)
    if end > datetime.combine(start.date() + timedelta(days=1), time(0)):
        raise fail(msg.RDV_APRES_MINUIT, jour=format_day_long(start.date()),
                   heure=format_time(start), fin=format_time(end))


def unusual_hours(start: datetime, minutes: int) -> list[str]:
    """Warnings, never refusals (SPEC §9): a Sunday, a French public holiday (named), a
    start before 7:00 or an end after 21:00."""
    import holidays

    day, end = start.date(), start + timedelta(minutes=minutes)
    found = []
    if day.weekday() == 6:
        found.append(msg.AVERT_RDV_DIMANCHE.format(jour=format_date(day)))
    holiday = holidays.country_holidays("FR", years=day.year, language="fr").get(day)
    if holiday:
        found.append(msg.AVERT_RDV_FERIE.format(jour=format_date(day), ferie=holiday))
    if start.time() < EARLIEST:
        found.append(msg.AVERT_RDV_TOT.format(heure=format_time(start), limite=format_time(
            datetime.combine(day, EARLIEST))))
    if end > datetime.combine(day, LATEST):
        found.append(msg.AVERT_RDV_TARD.format(fin=format_time(end), limite=format_time(
            datetime.combine(day, LATEST))))
    return found


def is_follow_up(phase: str, date_fin: date | None, rdv: RendezVous) -> bool:
    """A rendez-vous of a completed bilan from its end on is its follow-up interview."""
    return phase == "termine" and date_fin is not None and rdv.debut.date() >= date_fin


def find(bilan: Bilan, numero: int) -> RendezVous:
    for rdv in bilan.rdv:
        if rdv.numero == numero:
            return rdv
    raise fail(msg.RDV_INCONNU, id=bilan.id, numero=numero)


def _require_planned(bilan: Bilan, rdv: RendezVous, action: str) -> None:
    if not rdv.planned:
        raise fail(msg.RDV_PAS_PREVU, numero=rdv.numero, id=bilan.id,
                   statut=msg.RDV_STATUT_LABELS[rdv.statut], action=msg.RDV_ACTIONS[action])


# --- What may be planned -------------------------------------------------------------


def _check_plannable(bilan: Bilan) -> None:
    """An abandoned bilan has nothing left to plan; an ended one, its follow-up only."""
    if bilan.phase == "abandonne":
        raise fail(msg.RDV_BILAN_ABANDONNE, id=bilan.id)
    if bilan.anonymised_on is not None:
        raise fail(msg.BILAN_ANONYMISE, id=bilan.id)
    if bilan.phase == "termine" and bilan.suivi_on is not None:
        raise fail(msg.RDV_SUIVI_DEJA, id=bilan.id, date=format_date(bilan.suivi_on))


def _check_day(bilan: Bilan, start: datetime, today: date) -> None:
    # Planned ahead: what has already happened is recorded with `entretien add`.
    if start.date() < today:
        raise fail(msg.RDV_DATE_PASSEE, date=format_date(start.date()),
                   aujourdhui=format_date(today), id=bilan.id)


def _check_place(modalite: str, lieu: str | None, lien: str | None) -> None:
    """The convocation says one thing: a place, a link, or the telephone."""
    label = msg.MODALITE_LABELS[modalite].lower()
    if lien and modalite != VISIO:
        raise fail(msg.RDV_LIEN_SANS_VISIO, modalite=label)
    if lieu and modalite != PRESENTIEL:
        raise fail(msg.RDV_LIEU_SANS_PRESENTIEL, modalite=label)


def _check_hours(bilan: Bilan, minutes: int, moved: int | None = None) -> None:
    """L6313-4 al. 5: held and planned hours of a running bilan within 24 hours (the
    follow-up interview, after the end, is not one of its entretiens)."""
    if minutes > MAX_MINUTES:
        raise fail(msg.RDV_DUREE_MAX, duree=format_minutes(minutes))
    if not bilan.is_open:
        return
    planned = sum(r.minutes for r in bilan.planned_rdv if r.numero != moved)
    was = sum(r.minutes for r in bilan.planned_rdv if r.numero == moved)
    total = bilan.minutes_delivered + planned + minutes
    if total > MAX_MINUTES:
        left = max(MAX_MINUTES - bilan.minutes_delivered - planned - was, 0)
        raise fail(msg.RDV_HEURES_MAX, duree=format_minutes(minutes - was), id=bilan.id,
                   total=format_hours(total), realisees=format_hours(bilan.minutes_delivered),
                   prevues=format_hours(planned), reste=format_minutes(left))


def check_free(start: datetime, minutes: int, others, bilan_id: str,
               moved: int | None = None) -> None:
    """One consultant, one place at a time: `others` are the planned rendez-vous of every
    bilan; the one being moved does not count against itself."""
    end = start + timedelta(minutes=minutes)
    for other in others:
        if not other.planned or (other.bilan_id, other.numero) == (bilan_id, moved):
            continue
        if other.debut < end and start < other.fin:
            raise fail(msg.RDV_CHEVAUCHEMENT, jour=format_day_long(start.date()),
                       debut=format_time(start), fin=format_time(end), numero=other.numero,
                       autre=other.bilan_id, autre_jour=format_day_long(other.debut.date()),
                       autre_debut=format_time(other.debut), autre_fin=format_time(other.fin))


# --- The decisions ---------------------------------------------------------------------


def plan(bilan: Bilan, start: datetime, minutes: int, modalite: str | None, lieu: str | None,
         lien: str | None, others, today: date) -> RdvPlanned:
    """A rendez-vous planned; the modality defaults to visio with a link, else to what the
    bilan's format gives an entretien."""

    _check_plannable(bilan)
    _check_day(bilan, start, today)
    place = optional_text(lieu)
    kind = modalite or (VISIO if lien else default_modalite(bilan))
    _check_place(kind, place, lien)
    _check_hours(bilan, minutes)
    _check_same_day(start, minutes)
    _check_wall_clock(start, minutes)
    check_free(start, minutes, others, bilan.id)
    return RdvPlanned(bilan.id, start, minutes, kind, place.strip() if place else None, lien, today)


def move(bilan: Bilan, numero: int, day: date, at: time | None, minutes: int | None, others,
         today: date) -> RdvMoved:
    """The same rendez-vous (its number kept) at another time, under the checks of `plan`."""
    rdv = find(bilan, numero)
    _require_planned(bilan, rdv, "move")
    _check_plannable(bilan)
    start = start_at(day, at or rdv.debut.time())
    length = minutes or rdv.minutes
    if start == rdv.debut and length == rdv.minutes:
        raise fail(msg.RDV_DEJA_A_CET_HORAIRE, numero=numero, id=bilan.id,
                   jour=format_day_long(day), heure=format_time(start), duree=format_minutes(length))
    _check_day(bilan, start, today)
    _check_hours(bilan, length, moved=numero)
    _check_same_day(start, length)
    _check_wall_clock(start, length)
    check_free(start, length, others, bilan.id, moved=numero)
    return RdvMoved(bilan.id, numero, start, length, today)


def cancel(bilan: Bilan, numero: int, par: str | None, motif: str | None, today: date) -> RdvCancelled:
    """Cancelled, by whom; the motive is the bilan's content (R6313-7), so only while kept."""

    rdv = find(bilan, numero)
    _require_planned(bilan, rdv, "cancel")
    motive = optional_text(motif)
    if motive:
        require_content_kept(bilan, msg.RDV_MOTIF_CONTENU_DETRUIT)
    return RdvCancelled(bilan.id, numero, today, par, motive.strip() if motive else None)


def done(bilan: Bilan, numero: int, minutes: int | None, notes: str | None, today: date) -> RdvDone:
    """Held on its day: the entretien under every rule of `entretien add` (convention,
    consent, 24 hours…), or on a completed bilan the follow-up interview."""

    rdv = find(bilan, numero)
    _require_planned(bilan, rdv, "done")
    day = rdv.debut.date()
    require_not_future(day, today, msg.QUOI_RDV)
    if bilan.phase == "termine":
        if bilan.suivi_on is not None:
            raise fail(msg.RDV_SUIVI_DEJA, id=bilan.id, date=format_date(bilan.suivi_on))
        held = followup.hold(bilan, day, notes, today)
    else:
        held = entretiens.hold(bilan, day, minutes or rdv.minutes, rdv.modalite, notes, today)
    return RdvDone(bilan.id, numero, today, held)


def check_convocation(bilan: Bilan, numero: int) -> RendezVous:
    """A convocation is sent for a rendez-vous still planned."""
    rdv = find(bilan, numero)
    if not rdv.planned:
        raise fail(msg.CONVOCATION_RDV_PAS_PREVU, numero=numero, id=bilan.id,
                   statut=msg.RDV_STATUT_LABELS[rdv.statut])
    return rdv
