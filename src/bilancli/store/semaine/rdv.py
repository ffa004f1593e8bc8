"""The rendez-vous of every bilan at once: the week's list, the overlap check, the agenda
and the calendar (SPEC §9). Rows are handed out as the core's records (`RendezVous`,
`Booking`), read as the registry declares them."""

from __future__ import annotations

from datetime import date, timedelta

from bilancli.core.model import Booking
from bilancli.store.dossier.bilans import record_of, snapshot_columns

_COLUMNS = ", ".join(f"r.{c.name}" for c in snapshot_columns("rdv"))
_WIDTH = len(snapshot_columns("rdv"))
_PLANNED = f"SELECT {_COLUMNS} FROM rdv r WHERE r.statut = 'prevu' ORDER BY r.debut, r.bilan_id"
_BOOKINGS = (
    f"SELECT {_COLUMNS}, b.nom, b.prenom, b.phase, b.date_fin FROM rdv r"
    " JOIN bilans b ON b.id = r.bilan_id WHERE r.debut >= ? AND r.debut < ?"
    " ORDER BY r.debut, r.bilan_id, r.numero"
)
_FAR = "9999"   # after any `AAAA-MM-JJTHH:MM`


def planned(conn) -> list:
    """Every rendez-vous still planned, of every bilan, by start."""
    return [record_of("rdv", row) for row in conn.execute(_PLANNED)]


def planned_by_bilan(conn) -> dict[str, tuple]:
    """Bilan id → its rendez-vous still planned, by start (the agenda's)."""
    found: dict[str, list] = {}
    for rdv in planned(conn):
        found.setdefault(rdv.bilan_id, []).append(rdv)
    return {bid: tuple(items) for bid, items in found.items()}


def bookings(conn, first: date | None, last: date | None) -> list[Booking]:
    """Every bilan's rendez-vous whose day is from `first` to `last` (both included; None:
    no bound), by start, with whom each is for."""
    low = first.isoformat() if first else ""
    high = (last + timedelta(days=1)).isoformat() if last else _FAR
    return [Booking(record_of("rdv", row[:_WIDTH]), *row[_WIDTH:_WIDTH + 3],
                    date.fromisoformat(row[-1]) if row[-1] else None)
            for row in conn.execute(_BOOKINGS, (low, high))]
