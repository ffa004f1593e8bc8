"""Every bilan's `Summary` in a handful of queries, for the agenda and the figures.

One query per table for all bilans at once: the agenda of 10,000 bilans must not cost
10,000 × `bilans.load`. A scope narrows the bilans read to those that can matter (the
agenda: those that may still owe something; the figures: those of one year), so that
ten years of closed cases cost nothing; tests check each scope changes no result.
"""

from __future__ import annotations

import json
from collections import namedtuple
from datetime import date

from bilancli.core import registry
from bilancli.core.conservation.retention import Facts
from bilancli.core.facturation.edof import SENS
from bilancli.core.model import Convention, Questionnaire
from bilancli.core.qualite.satisfaction import MOMENTS
from bilancli.core.summary import Summary


def _jd(column: str) -> str:
    """A date column as an integer day number: ten thousand rows of ints cost a third less to
    read than the same dates as text (`_julian` turns them back into dates)."""
    return f"CAST(julianday({column}) AS INTEGER)"


# What a bilan's summary reads beside its own row, shared with the Qualiopi file's loader
# (`store.qualite.quality`): per satisfaction moment, -1 nothing recorded, 0 sent and not
# answered, 1 to 5 the note; each EDOF declaration's day; per moment, the questionnaire's
# sending, reminders and last reminder (NULL: not sent). The joins name `b` the bilan.
FOLLOW_UP_COLUMNS = (
    "".join(f", CASE WHEN sat_{m}.bilan_id IS NULL THEN -1 ELSE COALESCE(sat_{m}.note, 0) END"
            for m in MOMENTS)
    + "".join(f", {_jd(f'edof_{d}.date')}" for d in SENS)
    + "".join(f", {_jd(f'q_{m}.envoye_le')}, q_{m}.relances, {_jd(f'q_{m}.relance_le')}"
              for m in MOMENTS)
)
FOLLOW_UP_JOINS = (
    " LEFT JOIN conventions c ON c.bilan_id = b.id"
    " LEFT JOIN suivis s ON s.bilan_id = b.id"
    + "".join(f" LEFT JOIN satisfactions sat_{m} ON sat_{m}.bilan_id = b.id"
              f" AND sat_{m}.moment = '{m}'" for m in MOMENTS)
    + "".join(f" LEFT JOIN edof edof_{d} ON edof_{d}.bilan_id = b.id AND edof_{d}.sens = '{d}'"
              for d in SENS)
    + "".join(f" LEFT JOIN questionnaires q_{m} ON q_{m}.bilan_id = b.id"
              f" AND q_{m}.moment = '{m}'" for m in MOMENTS)
)


# One row per bilan: the record, its convention and follow-up, and one column per
# satisfaction moment and EDOF direction (all primary-key lookups): a third faster than a
# query per table merged in Python.
_SUMMARIES = (
    f"SELECT b.id, b.phase, {_jd('b.date_ouverture')}, {{names}}, b.statut, b.financement,"
    f" {{money}}, {_jd('b.date_fin')}, {_jd('b.contenu_detruit_le')}, {_jd('b.anonymise_le')},"
    f" {_jd('b.premier_entretien')}, {_jd('b.dernier_entretien')}, b.minutes_realisees,"
    f" {_jd('c.transmise')}, {_jd('c.signee')}, {_jd('s.date')}, s.non_realise"
    + FOLLOW_UP_COLUMNS + " FROM {bilans}" + FOLLOW_UP_JOINS
)
# The bilans in scope, the scope's condition read in a subquery of its own (its names are
# those of `bilans` alone); SQLite flattens it into one pass over `bilans`, cheaper than
# writing the ids to a temporary table first and reading them back.
_IN_SCOPE = "(SELECT * FROM bilans WHERE {where}) b"
_SAT_AT = 19
_EDOF_AT = _SAT_AT + len(MOMENTS)
_SENT_AT = _EDOF_AT + len(SENS)


class Scope(namedtuple("Scope", "where args", defaults=("1", ()))):
    """A condition on `bilans` and its parameters."""

    __slots__ = ()


EVERY_BILAN = Scope()


def _content_left() -> list[str]:
    """One query per kind of content the purge destroys (`core.registry.KINDS`), each read
    from a partial index or a table that holds only what is left."""
    queries = []
    for kind in registry.KINDS:
        key = registry.table(kind.table).key
        where = kind.where if kind.rows else f"{kind.column} IS NOT NULL AND ({kind.where})"
        queries.append(f"SELECT {key} FROM {kind.table} WHERE {where}")
    return queries


# The bilans that can still owe something, each condition served by an index holding only
# what is left to do (store/schema.py, `0008_working_set`): content or a file left for the
# purge, a record whose anonymisation may have come; for the agenda, also what the consultant
# still has to record (`a_faire`) and a rendez-vous still planned. A bilan outside owes
# nothing: tests compare both commands with a full inspection of a store with bilans in
# every state.
_PURGE_LEFT = [
    "SELECT id FROM bilans WHERE contenu_detruit_le IS NULL",
    "SELECT id FROM bilans WHERE anonymise_le IS NULL AND date_fin <= ?",
    *_content_left(),
    "SELECT bilan_id FROM rendus WHERE detruit_le IS NULL",
]
_TO_RECORD = [
    # Named: left to itself, SQLite may walk every record not yet anonymised instead.
    "SELECT id FROM bilans INDEXED BY bilans_a_faire WHERE a_faire AND anonymise_le IS NULL",
    "SELECT bilan_id FROM rdv WHERE statut = 'prevu'",
    "SELECT value FROM json_each(?)",
]


def working_set(anonymised_after: date, also=None) -> Scope:
    """The bilans that may owe a purge: those whose record ended on or before
    `anonymised_after` may be due for anonymisation (`retention.anonymisation_cutoff`). With
    `also` (the agenda), those that may owe the consultant something too, and these ids
    (the agenda's invoices and réclamations name their bilan)."""
    # UNION ALL: `IN` sets the ids apart once; UNION would sort them at every step, which
    # costs more than twice as much.
    if also is None:
        return Scope(f"id IN ({' UNION ALL '.join(_PURGE_LEFT)})", (anonymised_after.isoformat(),))
    return Scope(f"id IN ({' UNION ALL '.join(_PURGE_LEFT + _TO_RECORD)})",
                 (anonymised_after.isoformat(), json.dumps(sorted(also))))


def year_scope(year: int) -> Scope:
    """The bilans a year's figures read: opened or ended in it (or ended in the second half of
    the year before: their follow-up falls in it), or with an entretien in it."""
    first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
    return Scope(
        "date_ouverture BETWEEN ? AND ? OR date_fin BETWEEN ? AND ?"
        " OR id IN (SELECT bilan_id FROM entretiens WHERE date BETWEEN ? AND ?)",
        (first, last, f"{year - 1:04d}-07-01", last, first, last),
    )


# julianday('0001-01-01') is 1721425.5: its integer part is the day before ordinal 1.
_ORDINAL_OFFSET = 1721424


class _JulianDays(dict):
    """Integer day number → date, memoised: thousands of rows share a few thousand distinct
    days, and a dictionary lookup costs a fraction of a function call per date (NULL → None)."""

    def __missing__(self, number):
        day = self[number] = None if number is None else date.fromordinal(number - _ORDINAL_OFFSET)
        return day


_julian = _JulianDays().__getitem__


class _Shared(dict):
    """Key → the value `build` makes of it, built once: thousands of rows share a few dozen
    pairs of notes, and a lookup costs less than building a dictionary per row. The values are
    shared between summaries, like the empty default of `Summary`: never mutated."""

    def __init__(self, build):
        super().__init__()
        self.build = build

    def __missing__(self, key):
        value = self[key] = self.build(key)
        return value


def load_summaries(conn, scope: Scope = EVERY_BILAN, *, names: bool = True,
                   money: bool = True) -> list[Summary]:
    """The summaries of the bilans in scope. Without `names` (nom, prénom) or `money` (tarif,
    heures prévues) those fields are None: the agenda's JSON reads neither, and every text
    column of ten thousand rows costs its share of the command."""
    conventions = _Shared(lambda days: Convention(_julian(days[0]), _julian(days[1])))
    satisfactions = _Shared(lambda notes: {m: n or None for m, n in zip(MOMENTS, notes) if n >= 0})
    declarations = _Shared(lambda days: {d: _julian(v) for d, v in zip(SENS, days) if v is not None})
    sendings = _Shared(lambda cols: {
        m: Questionnaire(m, _julian(cols[3 * i]), cols[3 * i + 1], _julian(cols[3 * i + 2]))
        for i, m in enumerate(MOMENTS) if cols[3 * i] is not None})
    summaries = []
    append = summaries.append
    source = "bilans b" if scope is EVERY_BILAN else _IN_SCOPE.format(where=scope.where)
    sql = _SUMMARIES.format(
        bilans=source, names="b.nom, b.prenom" if names else "NULL, NULL",
        money="b.tarif_centimes, b.heures_prevues_minutes" if money else "NULL, NULL")
    rows = conn.cursor()
    rows.row_factory = None   # plain tuples: a `sqlite3.Row` per bilan costs for nothing here
    for row in rows.execute(sql, scope.args):
        (bid, phase, opened, nom, prenom, statut, financement, tarif, prevues, fin, destroyed,
         anonymised, first, last, minutes, sent, signed, suivi, not_held) = row[:_SAT_AT]
        # Positional, in the field order of `Summary`: keyword calls cost a third more.
        append(Summary(
            bid, phase, _julian(opened), nom, prenom, statut, financement, tarif, prevues,
            _julian(fin), _julian(destroyed), _julian(anonymised), conventions[sent, signed],
            _julian(first), _julian(last), minutes, _julian(suivi),
            satisfactions[row[_SAT_AT:_EDOF_AT]], declarations[row[_EDOF_AT:_SENT_AT]],
            bool(not_held), sendings[row[_SENT_AT:]],
        ))
    return summaries


def ended_dates(conn, ended_only: bool = True, scope: Scope = EVERY_BILAN):
    """(id, date_fin, content destroyed on, anonymised on) of every ended bilan in scope (of
    every bilan with `ended_only=False`), in the order of their ids: what
    `load_retention_facts` needs when no summary is at hand."""
    where = [f"({scope.where})"] + (["date_fin IS NOT NULL"] if ended_only else [])
    return [
        (bid, _julian(fin), _julian(destroyed), _julian(anonymised))
        for bid, fin, destroyed, anonymised in conn.execute(
            f"SELECT id, {_jd('date_fin')}, {_jd('contenu_detruit_le')}, {_jd('anonymise_le')} "
            f"FROM bilans WHERE {' AND '.join(where)} ORDER BY annee, numero", scope.args
        )
    ]


def summary_dates(summaries: list[Summary]):
    """The same four values, from summaries already loaded."""
    return [(s.id, s.date_fin, s.content_destroyed_on, s.anonymised_on) for s in summaries]


def load_retention_facts(conn, dates) -> dict[str, Facts]:
    """Bilan id → what R6313-7 reads of it, in the same terms as `Facts.from_bilan`, for
    the bilans whose dates are given (`ended_dates` or `summary_dates`).

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
    other_files, administrative_files = set(), set()
    for bid, synthesis_file, other_file, administrative_file in conn.execute(
        "SELECT bilan_id, MAX(genre = 'synthese' AND classe != 'administratif'), "
        "MAX(genre != 'synthese' AND classe != 'administratif'), MAX(classe = 'administratif') "
        "FROM rendus WHERE detruit_le IS NULL GROUP BY bilan_id"
    ):
        if synthesis_file:
            synthesis.add(bid)
        if other_file:
            other_files.add(bid)
        if administrative_file:
            administrative_files.add(bid)
    none: set[str] = set()
    facts = {}
    for bid, fin, destroyed, anonymised in dates:
        kinds = consents.get(bid, none)
        facts[bid] = Facts(fin, "conservation" in kinds, "cep" in kinds, destroyed, anonymised,
                           bid in notes, bid in synthesis, bid in other_files,
                           bid in administrative_files)
    return facts


def held_at_a_distance_in(conn, year: int) -> set[str]:
    """The ids of the bilans with an entretien held by visio or telephone during `year` (the
    BPF's trainees followed wholly or partly at a distance)."""
    return {r[0] for r in conn.execute(
        "SELECT DISTINCT bilan_id FROM entretiens WHERE date BETWEEN ? AND ? "
        "AND modalite IN ('visio', 'telephone')", (f"{year:04d}-01-01", f"{year:04d}-12-31"))}


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
