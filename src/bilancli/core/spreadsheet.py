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
from bilancli.core.deletion import person_key, plain
from bilancli.core.fields import ADMIN_FIELDS, REQUIRED_FIELDS, opening, validate_admin
from bilancli.core.ids import format_id
from bilancli.core.model import Bilan
from bilancli.errors import BilanError, fail

OPENED_ON = "date_ouverture"
COLUMNS = ADMIN_FIELDS + (OPENED_ON,)


class Planned(namedtuple("Planned", "row bilan_id opening twins")):
    """A row to open: its number in the sheet, the id it takes, the `Opening` to write, and
    the open bilans (already there, or earlier rows) that look like the same person."""

    __slots__ = ()


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
                    from bilancli.core.dates import parse_date

                    on = parse_date(cell)
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
    each year (`next_numbers`); and, for each, the open bilans — `open_bilans` as (id, nom,
    prénom), then the rows before it — that look like the same person."""
    numbers = dict(next_numbers)
    # Who each open bilan is for, compared as `same_person` compares: one lookup per row,
    # not a pass over every bilan (ten thousand rows would cost a minute).
    known: dict[tuple[str, str], list[str]] = {}
    for bilan_id, nom, prenom in open_bilans:
        known.setdefault(person_key(nom, prenom), []).append(bilan_id)
    planned = []
    for row, change in rows:
        year = change.opened_on.year
        bilan_id = format_id(year, numbers[year])
        numbers[year] += 1
        twins = known.setdefault(person_key(change.admin["nom"], change.admin["prenom"]), [])
        planned.append(Planned(row, bilan_id, change, tuple(twins)))
        twins.append(bilan_id)
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


def warnings(p: Planned) -> list[str]:
    """What `bilan new` would warn of for this row: planned hours, a CPF tarif, a twin."""
    from bilancli.core.warnings import record

    found = record(opened(p))
    if p.twins:
        found.append(msg.BILAN_EN_DOUBLE.format(ids=", ".join(p.twins)))
    return [msg.IMPORT_AVERTISSEMENT.format(ligne=p.row, id=p.bilan_id, avertissement=w) for w in found]
