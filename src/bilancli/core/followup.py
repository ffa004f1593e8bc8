"""The follow-up interview six months after the end of the action (R6313-4 3° c)."""

from __future__ import annotations

from datetime import date

from bilancli.core.dates import months_later

FOLLOW_UP_MONTHS = 6
SOURCE = "R6313-4 3° c"


def follow_up_due(date_fin: date | None) -> date | None:
    return months_later(date_fin, FOLLOW_UP_MONTHS) if date_fin else None
