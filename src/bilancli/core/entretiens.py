"""Logging an entretien: its modality, and what the law allows before it is recorded."""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core import convention as conv
from bilancli.core.choices import parse_choice
from bilancli.core.changes import EntretienHeld
from bilancli.core.consents import bilan_consent_withdrawn_on
from bilancli.core.dates import format_date, format_hours, format_minutes, require_not_future
from bilancli.core.fields import MAX_MINUTES
from bilancli.core.model import MODALITES, Bilan
from bilancli.core.phases import check_not_before_phase, require_open
from bilancli.errors import fail

DEFAULT_MODALITE = "presentiel"
# SPEC §4: the default modalité follows the bilan's format.
MODALITE_BY_FORMAT = {"distanciel": "visio"}


def parse_modalite(text: str) -> str:
    return parse_choice(text, MODALITES, msg.MODALITE_INCONNUE)


def default_modalite(bilan: Bilan) -> str:
    return MODALITE_BY_FORMAT.get(bilan.format, DEFAULT_MODALITE)


def hold(bilan: Bilan, on: date, minutes: int, modalite: str | None, notes: str | None,
         today: date) -> EntretienHeld:
    """An entretien held, recorded in the current phase, or a refusal where the law does not
    allow it."""
    from bilancli.core.fields import optional_text

    check_new_entretien(bilan, on, minutes, today)
    return EntretienHeld(bilan.id, on, minutes, modalite or default_modalite(bilan), bilan.phase,
                         optional_text(notes))


def check_new_entretien(bilan: Bilan, on: date, minutes: int, today: date) -> None:
    """Refuse an entretien the law does not allow."""
    require_open(bilan)
    # Logged once held: a future one would satisfy the "entretien in this phase" gates.
    require_not_future(on, today, msg.QUOI_ENTRETIEN)
    _check_consent_not_withdrawn(bilan, on)
    if conv.is_required(bilan.financement):
        signed = bilan.convention.signed_on
        # R6313-8: under a plan or a congé de reclassement the bilan cannot start unsigned.
        if conv.status(bilan, on) != conv.STATUS_SIGNED:
            raise fail(msg.ENTRETIEN_SANS_CONVENTION, id=bilan.id, financement=bilan.financement,
                       statut=conv.status(bilan, on))
        if on < signed:
            raise fail(msg.ENTRETIEN_AVANT_SIGNATURE, date=format_date(on), id=bilan.id,
                       signee=format_date(signed))
    check_not_before_phase(bilan, on)
    total = bilan.minutes_delivered + minutes
    if total > MAX_MINUTES:
        left = max(MAX_MINUTES - bilan.minutes_delivered, 0)
        raise fail(msg.ENTRETIEN_HEURES_MAX, duree=format_minutes(minutes), id=bilan.id,
                   total=format_hours(total), reste=format_minutes(left))


def _check_consent_not_withdrawn(bilan: Bilan, on: date) -> None:
    """L6313-4 al. 2: no entretien after the worker withdrew consent to the bilan. One held
    up to that day (often the one where they said so) may still be logged: its hours were
    delivered. Before any consent the préliminaire entretien is where it is sought."""
    withdrawn = bilan_consent_withdrawn_on(bilan)
    if withdrawn is not None and on > withdrawn:
        raise fail(msg.ENTRETIEN_SANS_CONSENTEMENT, date=format_date(on), id=bilan.id,
                   retire=format_date(withdrawn))
