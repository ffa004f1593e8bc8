"""Direct store access for tests: what other commands (entretien add) would have written."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

import storeio as records

from bilancli.store.db import Store
from bilancli.store.dossier import bilans


@contextmanager
def writing(home):
    """One write transaction on a test's store, through the store layer: to set up a case no
    command could (a past phase, a record dated before the checks)."""
    store = Store(home)
    try:
        with store.write() as conn:
            yield conn
    finally:
        store.close()


def add_entretien(home, bilan_id: str, day: str, minutes: int, *, modalite: str = "presentiel",
                  phase: str = "preliminaire", notes: str | None = None) -> None:
    with writing(home) as conn:
        records.add_entretien(conn, bilan_id, on=date.fromisoformat(day), minutes=minutes,
                              modalite=modalite, phase=phase, notes=notes)


def snapshot(home, bilan_id: str):
    store = Store(home)
    try:
        return bilans.load(store.conn, bilan_id, store.keys)
    finally:
        store.close()
