"""Reading the case record: one bilan's snapshot, the list of bilans.

The snapshot is read as the registry of stored facts (`core.registry`) declares it:
each table's columns that feed a snapshot attribute, turned into the core's records.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from bilancli import messages as msg
from bilancli.core import registry
from bilancli.core.formats import plain
from bilancli.core.model import (
    Bilan,
    Consent,
    Convention,
    Correction,
    Document,
    Entretien,
    InvoiceLine,
    PhaseStep,
    Questionnaire,
    Rendering,
    RendezVous,
)
from bilancli.errors import fail
from bilancli.store.scellement import ROW_KEYS, SEALED, bound_column, group

# The record each table's rows become (shape "list", "records", "one").
RECORDS = {
    "consentements": Consent, "conventions": Convention, "phases": PhaseStep,
    "entretiens": Entretien, "documents": Document, "rendus": Rendering, "rdv": RendezVous,
    "corrections": Correction, "factures": InvoiceLine, "questionnaires": Questionnaire,
}
# Administrative field → column of `bilans`.
ADMIN_COLUMNS = {
    "nom": "nom", "prenom": "prenom", "email": "email", "telephone": "telephone",
    "statut": "statut", "financement": "financement", "format": "format",
    "employeur": "employeur", "heures_prevues": "heures_prevues_minutes",
    "tarif": "tarif_centimes", "civilite": "civilite", "adresse": "adresse",
}


def _select(table: registry.Table) -> tuple[str, list[registry.Column]]:
    """The SELECT of a table's snapshot columns for one bilan, and those columns."""
    read = [c for c in table.columns if c.attribute]
    names = ", ".join(f"{c.name} IS NOT NULL" if c.read == "present" else c.name for c in read)
    order = f" ORDER BY {table.order}" if table.order else ""
    return f"SELECT {names} FROM {table.name} WHERE {table.key} = ?{order}", read


_QUERIES = {t.name: _select(t) for t in registry.TABLES if t.snapshot}
_DATES = {(t.name, c.name) for t in registry.TABLES for c in t.columns if c.read == "date"}
_DATETIMES = {(t.name, c.name) for t in registry.TABLES for c in t.columns if c.read == "datetime"}


# The snapshot columns whose values are sealed (`keys.open`), by table.
_OPENED = {t.name: [c for c in _QUERIES[t.name][1] if (t.name, c.name) in SEALED and c.read != "present"]
           for t in registry.TABLES if t.snapshot}
# The attribute that holds the key its sealed values are bound to (`ROW_KEYS`), by table.
_ROW_ATTRIBUTES = {t: next(c.attribute for c in _QUERIES[t][1] if c.name == ROW_KEYS[t])
                   for t, opened in _OPENED.items() if opened and t in ROW_KEYS}


class NotOpened(AssertionError):
    """A sealed value a command did not open was about to be shown, compared or written: a
    command that needs content loads the bilan with `content=True`."""


class Unopened:
    """A sealed value present but not opened (`load(..., content=False)`): what a command
    that needs no content may test is whether it is there. Anything else — shown, formatted,
    compared, measured, written — fails loudly (`NotOpened`), never shows a placeholder."""

    __slots__ = ()
    __hash__ = None

    def __bool__(self) -> bool:
        return True

    def strip(self) -> Unopened:
        """Still present: a field is never stored blank (`core.dossier.edits.set_field`)."""
        return self

    def _refused(self, *args, **kwargs):
        raise NotOpened("a sealed value not opened: load the bilan with content=True")

    __str__ = __repr__ = __format__ = __len__ = __iter__ = __eq__ = __ne__ = __lt__ = _refused
    __add__ = __radd__ = __contains__ = __getitem__ = __conform__ = _refused


UNOPENED = Unopened()


def _values(table: str, columns, row, keys=None, bilan_id: str | None = None, content: bool = True) -> dict:
    """One row as the record's attributes; its sealed values opened with `keys` (the
    store's data keys), the bilan's `bilan_id`; `UNOPENED` without `content`."""
    out = {}
    for column, value in zip(columns, row):
        if (table, column.name) in _DATES and value is not None:
            value = date.fromisoformat(value)
        elif (table, column.name) in _DATETIMES and value is not None:
            value = datetime.fromisoformat(value)
        elif column.read in ("present", "bool"):
            value = bool(value)
        out[column.attribute] = value
    for column in _OPENED[table]:
        if out[column.attribute] is not None and not content:
            out[column.attribute] = UNOPENED
        elif out[column.attribute] is not None:
            bound = bound_column(table, column.name, out[_ROW_ATTRIBUTES[table]]) \
                if table in _ROW_ATTRIBUTES else column.name
            out[column.attribute] = keys.open(table, bound, bilan_id, out[column.attribute],
                                              group(table, out.get("type")))
    return out


def snapshot_columns(table_name: str) -> list[registry.Column]:
    """The columns of a table that feed its snapshot record, in the registry's order."""
    return _QUERIES[table_name][1]


def record_of(table_name: str, row) -> object:
    """One row of those columns (in that order) as the core's record: what a bulk read of
    many bilans (the week's rendez-vous) hands out, read as `load` reads one bilan's."""
    if _OPENED[table_name]:   # a bulk read opens no content
        raise ValueError(f"{table_name}: sealed columns are read with `load`")
    return RECORDS[table_name](**_values(table_name, snapshot_columns(table_name), row))


def load(conn, bilan_id: str, keys, content: bool = True) -> Bilan:
    """The full snapshot of one bilan, as the core's rules read it; its content opened with
    `keys` (`store.keys`, `tx.keys`). Without `content` (a command that shows, renders,
    exports and writes none), nothing is opened and no key read: each sealed value present
    is `UNOPENED`."""
    fields: dict = {}
    for table in registry.TABLES:
        if not table.snapshot:
            continue
        sql, columns = _QUERIES[table.name]
        rows = [_values(table.name, columns, row, keys, bilan_id, content)
                for row in conn.execute(sql, (bilan_id,))]
        if table.shape == "row":
            if not rows:
                raise fail(msg.BILAN_INCONNU, id=bilan_id)
            fields.update(rows[0])
        elif table.shape == "flat":
            for row in rows[:1]:
                fields.update(row)
        elif table.shape == "map":
            fields[table.snapshot] = {tuple(r.values())[0]: tuple(r.values())[1] for r in rows}
        elif table.shape == "records":
            record = RECORDS[table.name]
            fields[table.snapshot] = {tuple(r.values())[0]: record(**r) for r in rows}
        elif table.shape == "one":
            if rows:
                fields[table.snapshot] = RECORDS[table.name](**rows[0])
        else:
            record = RECORDS[table.name]
            fields[table.snapshot] = tuple(record(**r) for r in rows)
    return Bilan(**fields)


def proof_content(conn, bilan_id: str) -> bytes | None:
    """The bytes of the signed convention kept (the snapshot never holds them)."""
    row = conn.execute("SELECT preuve FROM conventions WHERE bilan_id = ?", (bilan_id,)).fetchone()
    return None if row is None or row[0] is None else bytes(row[0])


def open_names(conn) -> list[tuple]:
    """(id, nom, prénom) of every open bilan."""
    return conn.execute("SELECT id, nom, prenom FROM bilans WHERE phase IN "
                        "('preliminaire', 'investigation', 'conclusion')").fetchall()


def cpf_bilans(conn, since: date) -> list[tuple]:
    """(id, nom, prénom, email, date_ouverture, date_fin) of every CPF bilan not anonymised
    still open or ended on `since` or after."""
    return [(bid, nom, prenom, email, date.fromisoformat(opened), ended and date.fromisoformat(ended))
            for bid, nom, prenom, email, opened, ended in conn.execute(
                "SELECT id, nom, prenom, email, date_ouverture, date_fin FROM bilans "
                "WHERE financement = 'cpf' AND anonymise_le IS NULL "
                "AND (date_fin IS NULL OR date_fin >= ?)", (since.isoformat(),))]


def next_number(conn, year: int) -> int:
    """The number the next bilan opened in `year` takes: never one given before, to a bilan
    still there or deleted (`bilan import --dry-run` counts on from it as the opening does)."""
    return conn.execute(
        "SELECT MAX(COALESCE((SELECT MAX(numero) FROM bilans WHERE annee = ?), 0),"
        " COALESCE((SELECT MAX(CAST(substr(id, 6) AS INTEGER)) FROM bilans_supprimes"
        " WHERE id LIKE ? || '-%'), 0)) + 1", (year, f"{year:04d}")).fetchone()[0]


def exists(conn, bilan_id: str) -> bool:
    return conn.execute("SELECT 1 FROM bilans WHERE id = ?", (bilan_id,)).fetchone() is not None


_LIST = (
    "SELECT id, nom, prenom, phase, date_ouverture, date_fin FROM bilans{where} "
    "ORDER BY date_ouverture DESC, annee DESC, numero DESC"
)


def _where(conn, phase: str | None, nom: str | None) -> tuple[str, tuple]:
    """The filters of `bilan list`: a phase; a text in the nom or prénom, accents and case
    ignored (compared through `sans_accents`, the function `core.deletion.plain`)."""
    clauses, args = [], []
    if phase:
        clauses.append("phase = ?")
        args.append(phase)
    if nom:
        conn.create_function("sans_accents", 1, plain, deterministic=True)
        clauses.append("(instr(sans_accents(nom), ?) > 0 OR instr(sans_accents(prenom), ?) > 0)")
        args += [plain(nom)] * 2
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(args)


def list_rows(conn, phase: str | None = None, nom: str | None = None) -> list[tuple]:
    """The bilans, newest first (SPEC §4 `list`): (id, nom, prenom, phase, ouverture, fin)."""
    where, args = _where(conn, phase, nom)
    return conn.execute(_LIST.format(where=where), args).fetchall()


def list_json(conn, phase: str | None = None, nom: str | None = None) -> str | None:
    """The same list as one JSON array built by SQLite: ten thousand rows never become
    Python objects. None when this SQLite has no JSON functions."""
    where, args = _where(conn, phase, nom)
    sql = (
        "SELECT json_group_array(json_object('id', id, 'nom', nom, 'prenom', prenom, "
        "'phase', phase, 'date_ouverture', date_ouverture, 'date_fin', date_fin)) "
        f"FROM ({_LIST.format(where=where)})"
    )
    try:
        return conn.execute(sql, args).fetchone()[0]
    except sqlite3.OperationalError:
        return None
