"""When a consent may be recorded or withdrawn (L6313-4 al. 2 and 3, R6313-7)."""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core.changes import ConsentWithdrawn, RowAdded
from bilancli.core.dates import format_date, require_not_future
from bilancli.core.model import Bilan
from bilancli.errors import fail

# The two exceptions to the destruction "dès le terme de l'action" (R6313-7): an agreement
# given after that term would revive documents already due for destruction.
KEEPING_CONSENTS = ("conservation", "cep")
KEEPING_SOURCE = "R6313-7"


def give(bilan: Bilan, kind: str, on: date, today: date) -> RowAdded:
    """A consent is given between the opening of the bilan and today; an agreement to keep
    documents, no later than the end of the action."""
    require_not_future(on, today, msg.QUOI_CONSENTEMENT)
    given = bilan.active_consent(kind)
    if given is not None:
        raise fail(msg.CONSENTEMENT_DEJA_DONNE, type=kind, id=bilan.id, donne=format_date(given.date))
    if on < bilan.date_ouverture:
        raise fail(msg.CONSENTEMENT_AVANT_OUVERTURE, date=format_date(on), id=bilan.id,
                   ouverture=format_date(bilan.date_ouverture))
    withdrawn = bilan.consents.get(kind)
    if withdrawn is not None and on < withdrawn.withdrawn_on:
        raise fail(msg.CONSENTEMENT_AVANT_RETRAIT, type=kind, date=format_date(on),
                   retire=format_date(withdrawn.withdrawn_on))
    if kind in KEEPING_CONSENTS and bilan.date_fin is not None and on > bilan.date_fin:
        raise fail(msg.CONSENTEMENT_APRES_FIN, type=kind, date=format_date(on), id=bilan.id,
                   fin=format_date(bilan.date_fin), source=KEEPING_SOURCE)
    return RowAdded("consentements", {"bilan_id": bilan.id, "type": kind, "date": on})


def withdraw(bilan: Bilan, kind: str, on: date, today: date) -> ConsentWithdrawn:
    """A consent may be withdrawn at any time, even after the end, but not before it was
    given nor in the future."""
    require_not_future(on, today, msg.QUOI_RETRAIT)
    given = bilan.active_consent(kind)
    if given is None:
        raise fail(msg.CONSENTEMENT_ABSENT, type=kind, id=bilan.id)
    if on < given.date:
        raise fail(msg.RETRAIT_AVANT_CONSENTEMENT, date=format_date(on), type=kind,
                   donne=format_date(given.date))
    return ConsentWithdrawn(bilan.id, kind, on)
