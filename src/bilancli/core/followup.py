"""The follow-up interview six months after the end of the action (R6313-4 3° c)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bilancli import messages as msg
from bilancli.core.dates import format_date, months_later, require_not_future
from bilancli.errors import fail

FOLLOW_UP_MONTHS = 6
SOURCE = "R6313-4 3° c"


@lru_cache(maxsize=8192)  # the agenda asks it for thousands of bilans sharing end dates
def follow_up_due(date_fin: date | None) -> date | None:
    return months_later(date_fin, FOLLOW_UP_MONTHS) if date_fin else None


def check_recordable(bilan_id: str, is_open: bool, date_fin: date | None, on: date,
                     today: date) -> None:
    """The follow-up interview comes after the end of the action, never before, and is
    recorded once held."""
    if is_open or date_fin is None:
        raise fail(msg.SUIVI_BILAN_OUVERT, id=bilan_id, source=SOURCE)
    require_not_future(on, today, msg.QUOI_SUIVI)
    if on < date_fin:
        raise fail(msg.SUIVI_AVANT_FIN, date=format_date(on), fin=format_date(date_fin), id=bilan_id)


def due(phase: str, date_fin: date | None) -> date | None:
    """Owed after a completed bilan; an abandoned one has no conclusions to follow up."""
    return follow_up_due(date_fin) if phase == "termine" else None
