"""Bilan identifiers `AAAA-NNN`: year of opening and a sequence within that year (SPEC §2)."""

from __future__ import annotations

import re

from bilancli import messages as msg
from bilancli.errors import fail

_ID = re.compile(r"(\d{4})-(\d{3,})")


def parse_id(text: str) -> str:
    """Normalise a typed id (`2026-1` is not accepted: the form is fixed)."""
    match = _ID.fullmatch(text.strip())
    if not match or int(match.group(2)) == 0:
        raise fail(msg.ID_MALFORME, saisie=text)
    return format_id(int(match.group(1)), int(match.group(2)))


def format_id(year: int, number: int) -> str:
    return f"{year:04d}-{number:03d}"
