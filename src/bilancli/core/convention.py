"""The tripartite convention of R6313-8 and its ten-day acceptance delay."""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core.dates import days_later, format_date, require_not_future
from bilancli.core.changes import ConventionSent, RowsUpdated
from bilancli.core.model import Bilan, Convention
from bilancli.errors import fail

SOURCE = "R6313-8"
ACCEPTANCE_DAYS = 10  # "un délai de dix jours à compter de la transmission"
# Financings under which the employer's plan or a congé de reclassement pays: a convention is due.
FINANCINGS_NEEDING_CONVENTION = ("plan", "reclassement")

STATUS_NOT_REQUIRED = "non_requise"
STATUS_TO_SEND = "a_transmettre"
STATUS_PENDING = "en_attente"
STATUS_SIGNED = "signee"
STATUS_REFUSED = "refusee"


def is_required(financement: str | None) -> bool:
    return financement in FINANCINGS_NEEDING_CONVENTION


def deadline(convention: Convention) -> date | None:
    """Last day the employee may sign: transmission + 10 days."""
    if convention.sent_on is None:
        return None
    return days_later(convention.sent_on, ACCEPTANCE_DAYS)


def status(bilan: Bilan, today: date) -> str:
    """Where the convention stands today; silence past the deadline is a refusal. The one
    shown is always the one the current financing requires."""
    conv = bilan.convention
    if not is_required(bilan.financement):
        return STATUS_NOT_REQUIRED
    if conv.signed_on is not None:
        # A signature past the ten days cannot stand (the sign command refuses it anyway).
        limit = deadline(conv)
        return STATUS_SIGNED if limit is None or conv.signed_on <= limit else STATUS_REFUSED
    if conv.sent_on is None:
        return STATUS_TO_SEND
    if today > deadline(conv):
        return STATUS_REFUSED
    return STATUS_PENDING


def check_render(bilan: Bilan) -> None:
    """The R6313-8 convention exists only where the financing asks for one (also once signed)."""
    if bilan.financement is None:
        raise fail(msg.CONVENTION_FINANCEMENT_ABSENT, id=bilan.id, source=SOURCE)
    if not is_required(bilan.financement):
        raise fail(msg.CONVENTION_NON_REQUISE, id=bilan.id, financement=bilan.financement)


def _require_convention(bilan: Bilan) -> None:
    from bilancli.core.guards import require_open

    require_open(bilan)
    if not is_required(bilan.financement):
        raise fail(msg.CONVENTION_NON_REQUISE, id=bilan.id,
                   financement=bilan.financement or msg.NON_RENSEIGNE)
    if bilan.convention.signed_on is not None:
        raise fail(msg.CONVENTION_DEJA_SIGNEE, id=bilan.id,
                   signee=format_date(bilan.convention.signed_on))


def send(bilan: Bilan, on: date, today: date) -> ConventionSent:
    """A (new) draft may be sent while none is signed; its signing deadline comes with it."""
    _require_convention(bilan)
    require_not_future(on, today, msg.QUOI_TRANSMISSION)
    return ConventionSent(bilan.id, on, deadline(Convention(sent_on=on)))


def sign(bilan: Bilan, on: date, today: date) -> RowsUpdated:
    """The employee signs after the transmission and within ten days; silence is refusal."""
    _require_convention(bilan)
    require_not_future(on, today, msg.QUOI_SIGNATURE)
    conv = bilan.convention
    if conv.sent_on is None:
        raise fail(msg.CONVENTION_NON_TRANSMISE, id=bilan.id)
    if on < conv.sent_on:
        raise fail(msg.CONVENTION_SIGNEE_AVANT, date=format_date(on),
                   transmise=format_date(conv.sent_on))
    limit = deadline(conv)
    if on > limit:
        raise fail(msg.CONVENTION_HORS_DELAI, date=format_date(on),
                   transmise=format_date(conv.sent_on), echeance=format_date(limit))
    return RowsUpdated("conventions", {"signee": on}, {"bilan_id": bilan.id})


def check_financing_change(bilan: Bilan, financement: str | None) -> None:
    """Once the bilan has begun (its first entretien), a financing that would change whether a
    convention is required is refused: the convention precedes the bilan (R6313-8). A
    financing never set counts as needing none."""
    if bilan.entretiens and is_required(bilan.financement) != is_required(financement):
        raise fail(msg.FINANCEMENT_FIGE, id=bilan.id,
                   avant=msg.FINANCEMENT_LABELS.get(bilan.financement, msg.NON_RENSEIGNE),
                   apres=msg.FINANCEMENT_LABELS.get(financement, msg.NON_RENSEIGNE), source=SOURCE)
