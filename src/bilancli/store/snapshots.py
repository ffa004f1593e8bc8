"""Every bilan's `Summary` in a handful of queries, for the agenda and the figures.

One query per table for all bilans at once: the agenda of 10,000 bilans must not cost
10,000 × `bilans.load`.
"""

from __future__ import annotations

from datetime import date

from bilancli.core.model import Convention
from bilancli.core.summary import Summary

_BILANS = """SELECT id, phase, date_ouverture, nom, prenom, statut, financement, tarif_centimes,
                    heures_prevues_minutes, date_fin, contenu_detruit_le, anonymise_le
             FROM bilans"""


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def load_summaries(conn) -> list[Summary]:
    conventions = {
        r[0]: Convention(_day(r[1]), _day(r[2]))
        for r in conn.execute("SELECT bilan_id, transmise, signee FROM conventions")
    }
    entretiens = {
        r[0]: (_day(r[1]), _day(r[2]), r[3])
        for r in conn.execute(
            "SELECT bilan_id, MIN(date), MAX(date), SUM(duree_minutes) FROM entretiens GROUP BY bilan_id"
        )
    }
    suivis = {r[0]: _day(r[1]) for r in conn.execute("SELECT bilan_id, date FROM suivis")}
    satisfaction: dict[str, dict[str, int]] = {}
    for r in conn.execute("SELECT bilan_id, moment, note FROM satisfactions"):
        satisfaction.setdefault(r[0], {})[r[1]] = r[2]
    edof: dict[str, dict[str, date]] = {}
    for r in conn.execute("SELECT bilan_id, sens, date FROM edof"):
        edof.setdefault(r[0], {})[r[1]] = _day(r[2])

    summaries = []
    no_entretien = (None, None, 0)
    for r in conn.execute(_BILANS):
        bid = r[0]
        first, last, minutes = entretiens.get(bid, no_entretien)
        summaries.append(Summary(
            id=bid, phase=r[1], date_ouverture=_day(r[2]), nom=r[3], prenom=r[4], statut=r[5],
            financement=r[6], tarif_cents=r[7], heures_prevues_minutes=r[8], date_fin=_day(r[9]),
            content_destroyed_on=_day(r[10]), anonymised_on=_day(r[11]),
            convention=conventions.get(bid, Convention()),
            first_entretien=first, last_entretien=last, minutes_delivered=minutes or 0,
            suivi_on=suivis.get(bid), satisfaction=satisfaction.get(bid, {}), edof=edof.get(bid, {}),
        ))
    return summaries


def minutes_held_in(conn, year: int) -> dict[str, int]:
    """Bilan id → minutes of entretiens held during `year` (the BPF counts hours when delivered)."""
    return {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT bilan_id, SUM(duree_minutes) FROM entretiens "
            "WHERE date BETWEEN ? AND ? GROUP BY bilan_id",
            (f"{year:04d}-01-01", f"{year:04d}-12-31"),
        )
    }
