"""The three legal phases of R6313-4 and the way through them."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.core.model import PHASES
from bilancli.errors import fail


def parse_phase(text: str) -> str:
    value = text.strip().lower().replace("é", "e")
    if value not in PHASES:
        raise fail(msg.PHASE_INCONNUE, saisie=text, possibles=", ".join(PHASES))
    return value
