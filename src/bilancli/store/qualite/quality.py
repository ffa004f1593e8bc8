"""What the Qualiopi file reads beside the summaries (SPEC §14), one query per table for the
bilans of a year: no bilan is loaded whole, and no content column is read — only whether a
field of the analysis of the need was filled, and when."""

from __future__ import annotations

from datetime import date

from bilancli.core.qualite.qualiopi import YearRecords
from bilancli.store.facturation import ledger
from bilancli.store.snapshots import Scope


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


# One row per bilan in scope, each fact a lookup in an index (migration 0008): the scope is
# evaluated once, where a query per table would evaluate it again each time.
_PER_BILAN = (
    "SELECT b.id,"
    " (SELECT GROUP_CONCAT(DISTINCT modalite) FROM entretiens WHERE bilan_id = b.id),"
    " (SELECT MAX(cree_le) FROM rendus WHERE bilan_id = b.id AND genre = 'emargement'"
    "  AND provisoire IS NULL),"
    " (SELECT MAX(cree_le) FROM rendus WHERE bilan_id = b.id AND genre = 'certificat'"
    "  AND provisoire IS NULL),"
    # The synthèse rendered in conclusion: its file, or (written to stdout) its kept copy.
    " b.phase = 'termine' AND (EXISTS (SELECT 1 FROM rendus WHERE bilan_id = b.id"
    "  AND genre = 'synthese' AND phase = 'conclusion' AND provisoire IS NULL)"
    "  OR EXISTS (SELECT 1 FROM documents WHERE bilan_id = b.id AND type = 'synthese'"
    "  AND phase = 'conclusion')),"
    " (SELECT GROUP_CONCAT(numero, ' ') FROM (SELECT numero FROM factures"
    "  WHERE bilan_id = b.id ORDER BY annee, rang))"
    " FROM (SELECT id, phase FROM bilans WHERE {where}) b"
)


def load_year_records(conn, scope: Scope, year: int) -> YearRecords:
    """The facts of the bilans in `scope` the Qualiopi file of `year` adds to their summaries."""

    modalities: dict[str, list[str]] = {}
    rendered: dict[tuple[str, str], str] = {}
    synthesis_in_conclusion: set[str] = set()
    invoices: dict[str, list[str]] = {}
    rows = conn.cursor()
    rows.row_factory = None
    for bid, modes, sheet, certificate, synthesis, numbers in rows.execute(
            _PER_BILAN.format(where=scope.where), scope.args):
        if modes:
            modalities[bid] = sorted(modes.split(","))
        if sheet:
            rendered[bid, "emargement"] = sheet
        if certificate:
            rendered[bid, "certificat"] = certificate
        if synthesis:
            synthesis_in_conclusion.add(bid)
        if numbers:
            invoices[bid] = numbers.split(" ")
    first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
    left_preliminary = {bid: _day(day) for bid, day in conn.execute(
        "SELECT bilan_id, MIN(date_entree) FROM phases WHERE phase = 'investigation' "
        "GROUP BY bilan_id HAVING MIN(date_entree) BETWEEN ? AND ?", (first, last))}
    # Only whether `demande` and `besoins` were filled, and the day of their last change.
    analysis: dict[str, dict[str, date]] = {}
    for bid, champ, changed in conn.execute(
            "SELECT bilan_id, champ, modifie_le FROM champs WHERE champ IN ('demande', 'besoins') "
            "AND bilan_id IN (SELECT bilan_id FROM phases WHERE phase = 'investigation' "
            "AND date_entree BETWEEN ? AND ?)", (first, last)):
        analysis.setdefault(bid, {})[champ] = _day(changed)
    # Whether a réclamation closed in the year carries its corrective action (never the text).
    actions = conn.execute("SELECT COUNT(*) FROM reclamations WHERE close_le BETWEEN ? AND ? "
                           "AND action IS NOT NULL", (first, last)).fetchone()[0]
    return YearRecords(modalities, rendered, synthesis_in_conclusion, invoices, left_preliminary,
                       analysis, ledger.load_complaints(conn, year), actions,
                       _proofs_kept(conn, scope))


def _proofs_kept(conn, scope: Scope) -> set[str]:
    """The bilans whose signed convention is kept in the store (SPEC §4 `--preuve`)."""
    return {r[0] for r in conn.execute(
        "SELECT bilan_id FROM conventions WHERE preuve_sha256 IS NOT NULL AND bilan_id IN "
        f"(SELECT id FROM bilans WHERE {scope.where})", scope.args)}
