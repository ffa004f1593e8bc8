"""A private file cache of the French public holidays by year (BILAN_HOME/cache/feries-fr.json).

The `holidays` library costs ~130 ms to import, more than the rest of `bilan agenda`; a
year's holidays are computed once with it, then read back from this file. They are fixed by
law (Code du travail L3133-1): deleting the file simply recomputes them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import date

from bilancli.core.workdays import HolidaySource, french_public_holidays

CACHE_FILE = os.path.join("cache", "feries-fr.json")


def cached_source(home: str) -> HolidaySource:
    path = os.path.join(home, CACHE_FILE)

    def source(years: Iterable[int]) -> dict[int, frozenset[date]]:
        wanted = set(years)
        known = _read(path)
        missing = wanted - known.keys()
        if missing:
            known.update(french_public_holidays(missing))
            _write(path, known)
        return {year: known[year] for year in wanted}

    return source


def _read(path: str) -> dict[int, frozenset[date]]:
    try:
        with open(path, encoding="utf-8") as handle:
            raw = json.load(handle)
        return {int(y): frozenset(date.fromisoformat(d) for d in days) for y, days in raw.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}  # absent or damaged: recomputed from the library


def _write(path: str, known: dict[int, frozenset[date]]) -> None:
    """Atomically, 0600 in a 0700 folder; a cache that cannot be written is only slower."""
    data = {str(y): sorted(d.isoformat() for d in days) for y, days in sorted(known.items())}
    tmp = f"{os.path.splitext(path)[0]}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
