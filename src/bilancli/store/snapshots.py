"""Every bilan's `Summary` in a handful of queries, for the agenda and the figures.

One query per table for all bilans at once: the agenda of 10,000 bilans must not cost
10,000 × `bilans.load`.
"""

from __future__ import annotations

from datetime import date

from bilancli.core.model import Convention
from bilancli.core.retention import Facts
from bilancli.core.summary import Summary

_BILANS = """SELECT id, phase, date_ouverture, nom, prenom, statut, financement, tarif_centimes,
                    heures_prevues_minutes, date_fin, contenu_detruit_le, anonymise_le
             FROM bilans"""


_DAYS: dict[str, date] = {}


def _day(text: str | None) -> date | None:
    """ISO text to date, memoised: thousands of rows share a few thousand distinct days."""
    if not text:
        return None
    day = _DAYS.get(text)
    if day is None:
        day = _DAYS[text] = date.fromisoformat(text)
    return day


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

    no_entretien = (None, None, 0)
    no_convention = Convention()
    empty: dict = {}
    summaries = []
    append = summaries.append
    # Positional, in the field order of `Summary`: keyword calls cost a third more on 10,000 rows.
    for (bid, phase, opened, nom, prenom, statut, financement, tarif, prevues, fin,
         destroyed, anonymised) in conn.execute(_BILANS):
        first, last, minutes = entretiens.get(bid, no_entretien)
        append(Summary(
            bid, phase, _day(opened), nom, prenom, statut, financement, tarif, prevues, _day(fin),
            _day(destroyed), _day(anonymised), conventions.get(bid, no_convention),
            first, last, minutes or 0, suivis.get(bid), satisfaction.get(bid, empty),
            edof.get(bid, empty),
        ))
    return summaries


def load_retention_facts(conn) -> dict[str, Facts]:
    """Bilan id → what R6313-7 reads of it, in the same terms as `Facts.from_bilan`.

    One query per table, each returning only the few bilans where a fact holds: cheaper
    than correlated EXISTS per bilan, which costs three times as much on 10,000 bilans.
    """
    consents: dict[str, set[str]] = {}
    for bid, kind in conn.execute(
        "SELECT bilan_id, type FROM consentements "
        "WHERE retire_le IS NULL AND type IN ('conservation', 'cep')"
    ):
        consents.setdefault(bid, set()).add(kind)
    notes = {r[0] for r in conn.execute("SELECT bilan_id FROM suivis WHERE notes IS NOT NULL")}
    synthesis = {r[0] for r in conn.execute(
        "SELECT DISTINCT bilan_id FROM documents WHERE type = 'synthese'")}
    other_files = set()
    for bid, synthesis_file, other_file in conn.execute(
        "SELECT bilan_id, MAX(genre = 'synthese'), MAX(genre != 'synthese') FROM rendus "
        "WHERE detruit_le IS NULL GROUP BY bilan_id"
    ):
        if synthesis_file:
            synthesis.add(bid)
        if other_file:
            other_files.add(bid)
    none: set[str] = set()
    facts = {}
    for bid, fin, destroyed, anonymised in conn.execute(
        "SELECT id, date_fin, contenu_detruit_le, anonymise_le FROM bilans"
    ):
        kinds = consents.get(bid, none)
        facts[bid] = Facts(_day(fin), "conservation" in kinds, "cep" in kinds, _day(destroyed),
                           _day(anonymised), bid in notes, bid in synthesis, bid in other_files)
    return facts


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
