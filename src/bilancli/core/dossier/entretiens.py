"""Logging an entretien: its modality, and what the law allows before it is recorded."""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core.changes import EntretienCorrected, EntretienHeld, EntretienRemoved
from bilancli.core.choices import parse_choice, parse_count
from bilancli.core.dates import (
    format_date,
    format_hours,
    format_minutes,
    require_not_future,
)
from bilancli.core.dossier import convention as conv
from bilancli.core.dossier.fields import MAX_MINUTES, optional_text
from bilancli.core.dossier.guards import require_content_kept, require_open
from bilancli.core.dossier.phases import check_within_phase
from bilancli.core.model import MODALITES, Bilan
from bilancli.errors import fail

DEFAULT_MODALITE = "presentiel"
# SPEC §4: the default modalité follows the bilan's format.
MODALITE_BY_FORMAT = {"distanciel": "visio"}


def parse_modalite(text: str) -> str:
    return parse_choice(text, MODALITES, msg.MODALITE_INCONNUE)


def default_modalite(bilan: Bilan) -> str:
    """A bilan held at a distance is held by video unless said otherwise."""
    return MODALITE_BY_FORMAT.get(bilan.format, DEFAULT_MODALITE)


def hold(bilan: Bilan, on: date, minutes: int, modalite: str | None, notes: str | None,
         today: date, phase: str | None = None) -> EntretienHeld:
    """An entretien held, recorded in the current phase — or, forgotten, in the earlier
    `phase` whose period holds its date — or a refusal where the law does not allow it."""

    target = phase or bilan.phase
    check_new_entretien(bilan, on, minutes, today, target)
    return EntretienHeld(bilan.id, on, minutes, modalite or default_modalite(bilan), target,
                         optional_text(notes))


def check_new_entretien(bilan: Bilan, on: date, minutes: int, today: date,
                        phase: str | None = None) -> None:
    """Refuse an entretien the law does not allow, in `phase` (default: the current one)."""
    require_open(bilan)
    # Logged once held: a future one would satisfy the "entretien in this phase" gates.
    require_not_future(on, today, msg.QUOI_ENTRETIEN)
    check_held_values(bilan, on, minutes, phase or bilan.phase)


def check_held_values(bilan: Bilan, on: date, minutes: int, phase: str, was: int = 0) -> None:
    """What an entretien's values must respect, recorded or corrected: consent in force,
    convention signed first, a date within its phase's period, 24 hours at most. `bilan`
    holds the other entretiens only; `was`, the minutes a corrected entretien had."""
    _check_consent_not_withdrawn(bilan, on)
    if conv.is_required(bilan.financement):
        signed = bilan.convention.signed_on
        # R6313-8: under a plan or a congé de reclassement the bilan cannot start unsigned.
        if conv.status(bilan, on) != conv.STATUS_SIGNED:
            c = bilan.convention
            raise fail(msg.ENTRETIEN_SANS_CONVENTION, id=bilan.id,
                       financement=msg.FINANCEMENT_LABELS[bilan.financement].lower(),
                       statut=msg.CONVENTION_STATUTS[conv.status(bilan, on)].format(
                           transmise=format_date(c.sent_on), signee=format_date(c.signed_on),
                           echeance=format_date(conv.deadline(c))))
        if on < signed:
            raise fail(msg.ENTRETIEN_AVANT_SIGNATURE, date=format_date(on), id=bilan.id,
                       signee=format_date(signed))
    check_within_phase(bilan, phase, on)
    total = bilan.minutes_delivered + minutes
    if total > MAX_MINUTES:
        left = max(MAX_MINUTES - bilan.minutes_delivered - was, 0)
        raise fail(msg.ENTRETIEN_HEURES_MAX, duree=format_minutes(minutes - was), id=bilan.id,
                   total=format_hours(total), reste=format_minutes(left))


def _check_consent_not_withdrawn(bilan: Bilan, on: date) -> None:
    """L6313-4 al. 2: no entretien while the worker's consent to the bilan is withdrawn. One
    held up to the day of a withdrawal (often the one where they said so) may still be
    logged: its hours were delivered. Before any consent the préliminaire entretien is where
    it is sought; a consent given again covers what follows it."""
    withdrawn = withdrawn_on_the_day(bilan, "bilan", on)
    if withdrawn is not None:
        raise fail(msg.ENTRETIEN_SANS_CONSENTEMENT, date=format_date(on), id=bilan.id,
                   retire=format_date(withdrawn))


def withdrawn_on_the_day(bilan: Bilan, kind: str, on: date) -> date | None:
    """The withdrawal that leaves `on` without the consent `kind`, if one does."""
    latest = None
    for consent in bilan.consent_history:
        if consent.type == kind and consent.date <= on:
            latest = consent
    if latest is not None and latest.withdrawn_on is not None and on > latest.withdrawn_on:
        return latest.withdrawn_on
    return None


# --- Corrections -----------------------------------------------------------------------------

def parse_numero(text: str) -> int:
    return parse_count(text, 6, msg.ENTRETIEN_NUMERO_MALFORME)


def find(bilan: Bilan, numero: int):
    for e in bilan.entretiens:
        if e.numero == numero:
            return e
    known = ", ".join(str(e.numero) for e in bilan.entretiens) or msg.AUCUN
    raise fail(msg.ENTRETIEN_INCONNU, id=bilan.id, numero=numero, connus=known)


def _values(e) -> dict:
    """What a correction records of an entretien: its administrative values, never notes."""
    return {"date": e.date.isoformat(), "duree_minutes": e.minutes, "modalite": e.modalite,
            "phase": e.phase}


def _check_correctable(bilan: Bilan) -> None:
    if bilan.anonymised_on:
        raise fail(msg.BILAN_ANONYMISE, id=bilan.id)


def _check_phase_keeps_its_entretien(bilan: Bilan, removed, leaving_phase: str) -> None:
    """R6313-4: a phase already left kept its entretien; the last one cannot go."""
    if leaving_phase == bilan.phase:
        return
    if not any(e.phase == leaving_phase and e.numero != removed.numero for e in bilan.entretiens):
        raise fail(msg.ENTRETIEN_SEUL_DE_SA_PHASE, id=bilan.id, numero=removed.numero,
                   phase=msg.PHASE_LABELS[leaving_phase])


def correct(bilan: Bilan, numero: int, *, on: date | None, minutes: int | None,
            modalite: str | None, phase: str | None, notes: str | None, motif: str | None,
            today: date):
    """Entretien `numero` with its corrected values, every rule of `add` applied to them;
    None when nothing would change."""

    _check_correctable(bilan)
    before = find(bilan, numero)
    after = before._replace(date=on or before.date, minutes=minutes or before.minutes,
                            modalite=modalite or before.modalite, phase=phase or before.phase)
    text = optional_text(notes)
    if notes is not None and text is None:
        raise fail(msg.NOTES_VIDES)
    if text is not None:
        require_content_kept(bilan)
    if after == before and text is None:
        return None
    require_not_future(after.date, today, msg.QUOI_ENTRETIEN)
    others = bilan._replace(entretiens=tuple(e for e in bilan.entretiens if e.numero != numero))
    check_held_values(others, after.date, after.minutes, after.phase, before.minutes)
    if after.phase != before.phase:
        _check_phase_keeps_its_entretien(bilan, before, before.phase)
    return EntretienCorrected(bilan.id, numero, after.date, after.minutes, after.modalite,
                              after.phase, text, today, f"entretien {numero}", _values(before),
                              _values(after), _motive(bilan, motif))


def remove(bilan: Bilan, numero: int, motif: str | None, today: date):
    """Entretien `numero` recorded by mistake, removed with a trail of what it was."""

    _check_correctable(bilan)
    before = find(bilan, numero)
    _check_phase_keeps_its_entretien(bilan, before, before.phase)
    return EntretienRemoved(bilan.id, numero, today, f"entretien {numero}", _values(before),
                            _motive(bilan, motif))


def _motive(bilan: Bilan, motif: str | None) -> str | None:
    """Why a correction was made: free text, so the bilan's content (R6313-7), typed only
    while the content is kept."""
    motive = optional_text(motif)
    if motive is not None:
        require_content_kept(bilan, msg.MOTIF_CORRECTION_CONTENU_DETRUIT)
    return motive
