"""`bilan import`: bilans opened from the rows of a spreadsheet, all or nothing (SPEC §12).

Each row is read as `bilan new` reads its options — the same parsers, the same `Opening` —
and every fault of every row is gathered, so that one refusal lists them all. The ids are
given here, in the order of the rows, from the numbers the store would take next: the dry
run shows exactly those the real run gives.
"""

from __future__ import annotations

import re
from collections import namedtuple

from bilancli import messages as msg
from bilancli.core.dates import parse_date
from bilancli.core.dossier.fields import (
    ADMIN_FIELDS,
    REQUIRED_FIELDS,
    opening,
    validate_admin,
)
from bilancli.core.dossier.warnings import record, second_cpf
from bilancli.core.formats import person_key, plain
from bilancli.core.ids import format_id
from bilancli.core.model import Bilan
from bilancli.errors import BilanError, fail

OPENED_ON = "date_ouverture"
COLUMNS = ADMIN_FIELDS + (OPENED_ON,)


class Planned(namedtuple("Planned", "row bilan_id opening doubles")):
    """A row to open: its number in the sheet, the id it takes, the `Opening` to write; and,
    on the first row of a person already open (in the store or on an earlier row), the
    `Doubles` of that person (None on every other row: one warning per person)."""

    __slots__ = ()


class Doubles(namedtuple("Doubles", "open rows ids")):
    """A person met again: the bilans open for them before (`open`), and the rows (`rows`)
    that open another one, with the ids they take (`ids`); filled as the rows are planned."""

    __slots__ = ()


# How many rows and ids a warning names before the last: one line whatever their number.
SHOWN = 3


def _key(text: str) -> str:
    """A header as compared: accents, case, spaces, hyphens, apostrophes and other signs
    ignored (« Date d'ouverture », « date_ouverture », « DATE-OUVERTURE » are near alike)."""
    return re.sub(r"[^0-9a-z]+", "_", plain(text)).strip("_")


def _headers() -> dict[str, str]:
    """Every header a column is known by: its name, the label `bilan show` gives it, and the
    few other words a cabinet's spreadsheet uses for it."""
    known = {_key(c): c for c in COLUMNS}
    known.update({_key(msg.FIELD_LABELS[c]): c for c in ADMIN_FIELDS})
    known.update({_key(word): c for word, c in msg.IMPORT_EN_TETES.items()})
    return known


def columns(header: list[str]) -> list[str | None]:
    """The column each header cell names (None for a blank one); refused: a header no column
    is known by, a column named twice, nom or prénom missing."""
    known = _headers()
    unknown = [cell.strip() for cell in header if cell.strip() and _key(cell) not in known]
    if unknown:
        raise fail(msg.IMPORT_COLONNE_INCONNUE, colonnes=_quoted(unknown), possibles=", ".join(COLUMNS))
    found = [known[_key(cell)] if cell.strip() else None for cell in header]
    for column in COLUMNS:
        named = [cell.strip() for cell, c in zip(header, found) if c == column]
        if len(named) > 1:
            raise fail(msg.IMPORT_COLONNE_EN_DOUBLE, colonne=column, en_tetes=_quoted(named))
    missing = [c for c in REQUIRED_FIELDS if c not in found]
    if missing:
        raise fail(msg.IMPORT_COLONNE_MANQUANTE, colonnes=", ".join(missing))
    return found


def _quoted(cells: list[str]) -> str:
    return ", ".join(f"« {cell} »" for cell in cells)


def blank(cells: list[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def read_row(number: int, cells: list[str], found: list[str | None], header: list[str], today):
    """(the `Opening` of row `number`, []) or (None, what is wrong with it, cell by cell).
    Cells past the last column may be left empty (a spreadsheet's trailing separators);
    fewer cells than columns leave the others empty."""
    problems = []
    if not blank(cells[len(found):]):
        filled = max(i for i, cell in enumerate(cells, start=1) if cell.strip())
        problems.append(msg.IMPORT_CELLULES_EN_TROP.format(ligne=number, cellules=filled,
                                                           colonnes=len(found)))
    typed = {c: "" for c in found if c is not None}
    for position, (column, cell) in enumerate(zip(found, cells), start=1):
        if column is not None:
            typed[column] = cell
        elif cell.strip():
            problems.append(msg.IMPORT_VALEUR_SANS_EN_TETE.format(ligne=number, position=position))
    shown = {c: h.strip() for c, h in zip(found, header) if c is not None}
    on = today
    for column, cell in typed.items():
        try:
            if column == OPENED_ON:
                if cell.strip():
                    on = parse_date(cell, today)
            else:
                validate_admin(column, cell)
        except BilanError as refused:
            problems.append(msg.IMPORT_CELLULE.format(ligne=number, colonne=shown[column],
                                                      raison=refused.message))
    if problems:
        return None, problems
    return opening({c: v for c, v in typed.items() if c != OPENED_ON}, on), []


def plan(rows: list[tuple[int, object]], next_numbers: dict[int, int], open_bilans) -> list[Planned]:
    """The id each row's `Opening` takes, in the order of the rows, from the next number of
    each year (`next_numbers`); and, once per person met again, the bilans open for them —
    `open_bilans` as (id, nom, prénom), then the rows before — and the rows that repeat them.
    Linear: one lookup per row, never a list of every earlier id per row."""
    numbers = dict(next_numbers)
    # Who each open bilan is for, compared as `same_person` compares.
    known: dict[tuple[str, str], list[str]] = {}
    for bilan_id, nom, prenom in open_bilans:
        known.setdefault(person_key(nom, prenom), []).append(bilan_id)
    met: dict[tuple[str, str], Doubles] = {}
    planned = []
    for row, change in rows:
        year = change.opened_on.year
        bilan_id = format_id(year, numbers[year])
        numbers[year] += 1
        person = person_key(change.admin["nom"], change.admin["prenom"])
        doubles, first = met.get(person), None
        if doubles is None:
            earlier = known.get(person)
            if earlier:
                doubles = first = met[person] = Doubles(tuple(earlier), [], [])
            else:
                known[person] = [bilan_id]
        if doubles is not None:
            doubles.rows.append(row)
            doubles.ids.append(bilan_id)
        planned.append(Planned(row, bilan_id, change, first))
    return planned


def opened(p: Planned) -> Bilan:
    """The bilan a row opens, as its snapshot will read, for the warnings of `bilan new`."""
    admin = p.opening.admin
    return Bilan(id=p.bilan_id, nom=admin["nom"], prenom=admin["prenom"], phase="preliminaire",
                 date_ouverture=p.opening.opened_on, email=admin.get("email"),
                 telephone=admin.get("telephone"), statut=admin.get("statut"),
                 financement=admin.get("financement"), format=admin.get("format"),
                 employeur=admin.get("employeur"), heures_prevues_minutes=admin.get("heures_prevues"),
                 tarif_cents=admin.get("tarif"))


def warnings(planned: list[Planned], cpf=()) -> list[str]:
    """What `bilan new` would warn of for each row (planned hours, a CPF tarif, a second CPF
    bilan within five years — `cpf`: the store's CPF bilans, as `warnings.second_cpf` reads
    them) and for each person met again: one line per warning, naming every row it holds for
    — twenty thousand rows alike make one line, not twenty thousand — in the order of their
    first row."""

    said: dict[str, tuple[list[int], list[str]]] = {}
    earlier_cpf = _CpfIndex(cpf)
    for p in planned:
        for warning in record(opened(p)) + earlier_cpf.second(p):
            rows, ids = said.setdefault(warning, ([], []))
            rows.append(p.row)
            ids.append(p.bilan_id)
        if p.doubles:
            said[msg.BILAN_EN_DOUBLE.format(ids=_some(p.doubles.open))] = (p.doubles.rows, p.doubles.ids)
    ordered = sorted(said.items(), key=lambda item: item[1][0][0])
    return [_line(warning, rows, ids) for warning, (rows, ids) in ordered]


class _CpfIndex:
    """The CPF bilans a row may repeat (décret n° 2026-127), found by person and by email in
    constant time: the store's, then the first CPF row of each person in the file (a later
    row names that one, so a person's rows share one warning)."""

    def __init__(self, cpf) -> None:
        self.by_person: dict[str, list] = {}
        self.by_email: dict[str, list] = {}
        self.in_file: set[str] = set()
        for other in cpf:
            self._add(other)

    def _add(self, other) -> None:
        self.by_person.setdefault(person_key(other[1], other[2]), []).append(other)
        if other[3]:
            self.by_email.setdefault(other[3].strip().casefold(), []).append(other)

    def second(self, p: Planned) -> list[str]:
        a = p.opening.admin
        if a.get("financement") != "cpf":
            return []
        who = person_key(a["nom"], a["prenom"])
        email = (a.get("email") or "").strip().casefold()
        candidates = self.by_person.get(who, []) + (self.by_email.get(email, []) if email else [])
        found = second_cpf(p.bilan_id, a["nom"], a["prenom"], a.get("email"), p.opening.opened_on,
                           list(dict.fromkeys(candidates)))
        if who not in self.in_file:
            self.in_file.add(who)
            self._add((p.bilan_id, a["nom"], a["prenom"], a.get("email"), p.opening.opened_on, None))
        return found


def _line(warning: str, rows: list[int], ids: list[str]) -> str:
    if len(rows) == 1:
        return msg.IMPORT_AVERTISSEMENT.format(ligne=rows[0], id=ids[0], avertissement=warning)
    return msg.IMPORT_AVERTISSEMENT_LIGNES.format(
        lignes=_some([str(r) for r in rows]), nombre=len(rows), ids=_some(ids), avertissement=warning)


def _some(items) -> str:
    """The first few and the last, never the whole list."""
    if len(items) <= SHOWN + 1:
        return ", ".join(items)
    return f"{', '.join(items[:SHOWN])}, …, {items[-1]}"
