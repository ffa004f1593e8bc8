"""The tripartite convention of R6313-8 and its ten-day acceptance delay."""

from __future__ import annotations

from datetime import date, timedelta

from bilancli.core.model import Bilan, Convention

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
    return convention.sent_on + timedelta(days=ACCEPTANCE_DAYS)


def status(bilan: Bilan, today: date) -> str:
    """Where the convention stands today; silence past the deadline is a refusal."""
    conv = bilan.convention
    if conv.signed_on is not None:
        return STATUS_SIGNED
    if not is_required(bilan.financement):
        return STATUS_NOT_REQUIRED
    if conv.sent_on is None:
        return STATUS_TO_SEND
    if today > deadline(conv):
        return STATUS_REFUSED
    return STATUS_PENDING
