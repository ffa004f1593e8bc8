"""What the Qualiopi file reads (SPEC §14), in one pass over the bilans of a year: each one's
summary, the facts its line shows and the minutes held in the year come from one row, and no
content column is read — only whether a field of the analysis of the need was filled, and
when."""

from __future__ import annotations

from collections import namedtuple
from datetime import date

from bilancli.core.model import Convention, Questionnaire
from bilancli.core.qualite.qualiopi import BilanFacts, YearRecords
from bilancli.core.qualite.satisfaction import MOMENTS
from bilancli.core.summary import Summary
from bilancli.store.facturation import ledger
from bilancli.store.snapshots import FOLLOW_UP_COLUMNS, FOLLOW_UP_JOINS, _jd, _julian, _Shared, year_scope


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


# One row per bilan of the year's scope (`year_scope`), each fact a lookup in an index: the
# scope is evaluated once, and the rows are read once. The scope comes first, its parameters
# numbered before `{first}` and `{last}`, the year's first and last days.
_FILE = (
    "WITH b AS (SELECT * FROM bilans WHERE {where})"
    f" SELECT b.id, b.phase, {_jd('b.date_ouverture')}, {{names}}, b.financement,"
    f" {_jd('b.date_fin')}, {_jd('b.premier_entretien')}, b.minutes_realisees,"
    f" {_jd('c.transmise')}, {_jd('c.signee')}, c.preuve_sha256 IS NOT NULL,"
    f" {_jd('s.date')}, s.non_realise,"
    # Minutes held in the year: the record's totals (kept by triggers) when all its entretiens
    # fall in the year, none when none can; only a bilan across a new year sums its own.
    " CASE WHEN b.premier_entretien IS NULL OR b.premier_entretien > {last}"
    "  OR b.dernier_entretien < {first} THEN NULL"
    "  WHEN b.premier_entretien >= {first} AND b.dernier_entretien <= {last} THEN b.minutes_realisees"
    "  ELSE (SELECT SUM(duree_minutes) FROM entretiens WHERE bilan_id = b.id"
    "  AND date BETWEEN {first} AND {last}) END,"
    " (SELECT GROUP_CONCAT(DISTINCT modalite) FROM entretiens WHERE bilan_id = b.id),"
    " (SELECT MAX(cree_le) FROM rendus WHERE bilan_id = b.id AND genre = 'emargement'"
    "  AND provisoire IS NULL),"
    " (SELECT MAX(cree_le) FROM rendus WHERE bilan_id = b.id AND genre = 'certificat'"
    "  AND provisoire IS NULL),"
    # Completed in the year with its synthèse rendered in conclusion: its file, or (written to
    # stdout) its kept copy.
    " b.phase = 'termine' AND b.date_fin BETWEEN {first} AND {last}"
    "  AND (EXISTS (SELECT 1 FROM rendus WHERE bilan_id = b.id AND genre = 'synthese'"
    "  AND phase = 'conclusion' AND provisoire IS NULL)"
    "  OR EXISTS (SELECT 1 FROM documents WHERE bilan_id = b.id AND type = 'synthese'"
    "  AND phase = 'conclusion')),"
    " (SELECT GROUP_CONCAT(numero, ' ') FROM (SELECT numero FROM factures"
    "  WHERE bilan_id = b.id ORDER BY annee, rang))"
    + FOLLOW_UP_COLUMNS + " FROM b" + FOLLOW_UP_JOINS
)


class YearFile(namedtuple("YearFile", "summaries minutes_held records")):
    """The summaries of the year's bilans (`Summary`, without what the file never reads:
    statut, money, the purge's dates, the last entretien — all None), bilan id → minutes of
    entretiens held in the year (those with one), and the `YearRecords`."""

    __slots__ = ()


def load_year_file(conn, year: int, *, names: bool = False) -> YearFile:
    """What the Qualiopi file of `year` reads; names (nom, prénom) only with `names`."""

    scope = year_scope(year)
    held = len(scope.args)
    sql = _FILE.format(where=scope.where, first=f"?{held + 1}", last=f"?{held + 2}",
                       names="b.nom, b.prenom" if names else "NULL, NULL")
    params = (*scope.args, f"{year:04d}-01-01", f"{year:04d}-12-31")
    conventions = _Shared(lambda days: Convention(_julian(days[0]), _julian(days[1])))
    satisfactions = _Shared(lambda notes: {m: n or None for m, n in zip(MOMENTS, notes) if n >= 0})
    modalities = _Shared(lambda modes: sorted(modes.split(",")) if modes else [])
    invoices = _Shared(lambda numbers: numbers.split(" ") if numbers else [])
    julian, none = _julian, {}   # `none`: shared by the bilans with nothing of the kind
    summaries, minutes_held, facts, synthesis = [], {}, {}, set()
    append = summaries.append
    rows = conn.cursor()
    rows.row_factory = None   # plain tuples: a `sqlite3.Row` per bilan costs for nothing here
    for (bid, phase, opened, nom, prenom, financement, fin, first_held, minutes, sent, signed,
         proof, suivi, not_held, held, modes, sheet, certificate, synthesised, numbers,
         note_fin, note_suivi, entree, sortie, sent_fin, reminders_fin, reminded_fin,
         sent_suivi, reminders_suivi, reminded_suivi) in rows.execute(sql, params):
        # Declarations and sendings differ from bilan to bilan: made as they come.
        declared = none if entree is None and sortie is None else {
            d: julian(v) for d, v in (("entree", entree), ("sortie", sortie)) if v is not None}
        questionnaires = none if sent_fin is None and sent_suivi is None else {
            m: Questionnaire(m, julian(on), reminders, julian(reminded))
            for m, on, reminders, reminded in (("fin", sent_fin, reminders_fin, reminded_fin),
                                                ("suivi", sent_suivi, reminders_suivi,
                                                 reminded_suivi)) if on is not None}
        # Positional, in the field order of `Summary`: keyword calls cost a third more.
        append(Summary(
            bid, phase, julian(opened), nom, prenom, None, financement, None, None,
            julian(fin), None, None, conventions[sent, signed], julian(first_held), None,
            minutes, julian(suivi), satisfactions[note_fin, note_suivi], declared,
            bool(not_held), questionnaires,
        ))
        if held:
            minutes_held[bid] = held
        if modes or sheet or certificate or numbers or proof:
            facts[bid] = BilanFacts(modalities[modes], sheet, certificate, invoices[numbers],
                                    bool(proof))
        if synthesised:
            synthesis.add(bid)
    return YearFile(summaries, minutes_held, _records(conn, year, facts, synthesis))


def _records(conn, year: int, facts: dict, synthesis: set) -> YearRecords:
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
    return YearRecords(facts, synthesis, left_preliminary, analysis,
                       ledger.load_complaints(conn, year), actions)
