"""The follow-up interview six months after the end of the action (R6313-4 3° c)."""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core.changes import SuiviHeld
from bilancli.core.dates import format_date, months_later, require_not_future
from bilancli.core.dossier.fields import optional_text
from bilancli.errors import fail

FOLLOW_UP_MONTHS = 6
SOURCE = "R6313-4 3° c"


def follow_up_due(date_fin: date | None) -> date | None:
    return months_later(date_fin, FOLLOW_UP_MONTHS) if date_fin else None


def hold(bilan, on: date | None, notes: str | None, today: date, *, not_held: bool = False,
         motif: str | None = None):
    """The follow-up interview comes after the end of the action, never before, and is
    recorded once held; its notes are the bilan's content (R6313-7). Or it was proposed and
    did not take place (declined, unreachable): that too closes its agenda item, dated the
    day it is recorded unless told, its motive content like the abandon's."""

    if bilan.is_open or bilan.date_fin is None:
        raise fail(msg.SUIVI_BILAN_OUVERT, id=bilan.id, source=SOURCE)
    if on is None:
        if not not_held:
            raise fail(msg.SUIVI_DATE_MANQUANTE)
        on = today
    if not_held and optional_text(notes) is not None:
        raise fail(msg.SUIVI_NON_REALISE_NOTES)
    if not_held and bilan.suivi_on is not None and not bilan.suivi_not_held:
        raise fail(msg.SUIVI_DEJA_TENU, id=bilan.id, date=format_date(bilan.suivi_on),
                   notes=msg.SUIVI_AVEC_NOTES if bilan.suivi_has_notes else "", source=SOURCE)
    require_not_future(on, today, msg.QUOI_SUIVI)
    if on < bilan.date_fin:
        raise fail(msg.SUIVI_AVANT_FIN, date=format_date(on), fin=format_date(bilan.date_fin),
                   id=bilan.id)
    return SuiviHeld(bilan.id, on, optional_text(notes), not_held,
                     optional_text(motif) if not_held else None)


def due(phase: str, date_fin: date | None) -> date | None:
    """Owed after a completed bilan; an abandoned one has no conclusions to follow up."""
    return follow_up_due(date_fin) if phase == "termine" else None
