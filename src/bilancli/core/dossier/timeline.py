"""A bilan's timeline: the period of each phase, and the facts recorded in it.

A phase runs from the day it was entered to the day the next one began (both included);
the current one, from its entry on. A fact is recorded in a phase whose period holds its
date, and a phase is left — a bilan ended or abandoned — on or after every fact recorded
for it (SPEC §3): otherwise a late consent could keep documents R6313-7 wants destroyed.
"""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core.dates import format_date
from bilancli.core.model import Bilan
from bilancli.errors import fail
from bilancli.messages import PHASE_LABELS

SIDE_COPIES = ("copie", "export")


def phase_entered_on(bilan: Bilan) -> date:
    """When the bilan entered its current phase (the opening day for préliminaire)."""
    for step in reversed(bilan.history):
        if step.phase == bilan.phase:
            return step.entered_on
    return bilan.date_ouverture


def phase_period(bilan: Bilan, phase: str) -> tuple[date, date | None] | None:
    """(first day, last day) of `phase` the last time the bilan was in it; the last day is
    None while it is the current phase; None when the bilan never was in it."""
    steps = list(bilan.history) or []
    if not steps:
        return (bilan.date_ouverture, None) if phase == bilan.phase else None
    for index in range(len(steps) - 1, -1, -1):
        if steps[index].phase == phase:
            following = steps[index + 1].entered_on if index + 1 < len(steps) else None
            return steps[index].entered_on, following
    return None


def check_within_phase(bilan: Bilan, phase: str, on: date) -> None:
    """`on` falls within the period of `phase` (the current phase: on or after its entry)."""
    if phase == bilan.phase:
        entered = phase_entered_on(bilan)
        if on < entered:
            raise fail(msg.DATE_AVANT_PHASE, date=format_date(on), id=bilan.id,
                       phase=PHASE_LABELS[phase], entree=format_date(entered))
        return
    period = phase_period(bilan, phase)
    if period is None:
        raise fail(msg.PHASE_JAMAIS_OUVERTE, id=bilan.id, phase=PHASE_LABELS.get(phase, phase))
    start, end = period
    if on < start or (end is not None and on > end):
        raise fail(msg.DATE_HORS_PHASE, date=format_date(on), id=bilan.id,
                   phase=PHASE_LABELS[phase], debut=format_date(start),
                   fin=format_date(end) if end else "")


def facts(bilan: Bilan) -> list[tuple[date, str]]:
    """Every dated fact recorded for the bilan, named as the consultant would name it
    (never by its content)."""
    found = [(e.date, msg.FAIT_ENTRETIEN.format(numero=e.numero)) for e in bilan.entretiens]
    for c in bilan.consent_history:
        found.append((c.date, msg.FAIT_CONSENTEMENT.format(type=c.type)))
        if c.withdrawn_on:
            found.append((c.withdrawn_on, msg.FAIT_RETRAIT.format(type=c.type)))
    if bilan.convention.sent_on:
        found.append((bilan.convention.sent_on, msg.FAIT_CONVENTION_TRANSMISE))
    if bilan.convention.signed_on:
        found.append((bilan.convention.signed_on, msg.FAIT_CONVENTION_SIGNEE))
    # A copy written back (`doc get -o`) or the beneficiary's export is no fact of the bilan's
    # course: they are taken from it, at any time.
    found += [(r.created_on, msg.FAIT_RENDU.format(document=msg.DOCUMENT_LABELS.get(r.kind, r.kind)))
              for r in bilan.renderings if r.created_on and r.kind not in SIDE_COPIES]
    found += [(d.created_on, msg.FAIT_DOCUMENT.format(numero=d.id))
              for d in bilan.documents if d.created_on]
    return found


def check_after_every_fact(bilan: Bilan, on: date) -> None:
    """A phase is left after what happened in it: `on` precedes no recorded fact."""
    later = [(day, what) for day, what in facts(bilan) if day > on]
    if later:
        day, what = max(later)
        raise fail(msg.DATE_AVANT_FAIT, date=format_date(on), id=bilan.id, fait=what,
                   jour=format_date(day))
