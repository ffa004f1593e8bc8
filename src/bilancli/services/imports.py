"""`bilan import` as a use case: bilans opened from a spreadsheet, all or nothing, in one
transaction (SPEC §12); with `--dry-run`, the ids it would give, nothing written."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.core.dossier.warnings import cpf_repeat_since
from bilancli.core.echanges import spreadsheet as rules
from bilancli.errors import fail
from bilancli.services import session
from bilancli.store.dossier.bilans import cpf_bilans, next_number, open_names


def openings(sheet, fichier: str, today) -> list[tuple[int, object]]:
    """(row number, Opening) of every row that is not blank; refused, listing every faulty
    row and what is wrong in it, when any is."""
    header = sheet.header[1]
    found = rules.columns(header)
    rows, faults, faulty = [], [], 0
    for number, cells in sheet.rows:
        if rules.blank(cells):
            continue
        change, problems = rules.read_row(number, cells, found, header, today)
        if problems:
            faulty += 1
            faults += problems
        else:
            rows.append((number, change))
    if faults:
        raise fail(msg.IMPORT_REFUSE, fichier=fichier, nombre=faulty,
                   lignes="\n".join("  " + fault for fault in faults))
    return rows


def _plan(conn, rows):
    years = {change.opened_on.year for _, change in rows}
    return rules.plan(rows, {year: next_number(conn, year) for year in years}, open_names(conn))


def _cpf(conn, rows, today) -> list:
    """The store's CPF bilans a row may repeat (décret n° 2026-127), read before any is opened."""
    return cpf_bilans(conn, cpf_repeat_since(min((c.opened_on for _, c in rows), default=today)))


def simulate(home: str, rows, today) -> tuple[list, list]:
    """What the import would open, and the store's CPF bilans to warn against; nothing written."""
    with session.reading(home) as store:
        return _plan(store.conn, rows), _cpf(store.conn, rows, today)


def execute(home: str, rows, today) -> tuple[list, list]:
    """Open every bilan of the file in one transaction: what was opened, and the store's CPF
    bilans as they stood before."""
    with session.writing(home) as tx:
        planned = _plan(tx.conn, rows)
        cpf = _cpf(tx.conn, rows, today)
        for p in planned:
            if tx.apply(p.opening) != p.bilan_id:   # never: the plan counts as the store does
                raise RuntimeError("import: an id other than the one planned")
    return planned, cpf
