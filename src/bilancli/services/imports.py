"""`bilan import` as a use case: bilans opened from a spreadsheet, all or nothing, in one
transaction (SPEC §12); with `--dry-run`, the ids it would give, nothing written."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.core import spreadsheet as rules
from bilancli.errors import fail
from bilancli.services import session
from bilancli.store.bilans import next_number, open_names


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


def simulate(home: str, rows) -> list:
    """What the import would open, nothing written."""
    with session.reading(home) as store:
        return _plan(store.conn, rows)


def execute(home: str, rows) -> list:
    """Open every bilan of the file in one transaction; what was opened."""
    with session.writing(home) as tx:
        planned = _plan(tx.conn, rows)
        for p in planned:
            if tx.apply(p.opening) != p.bilan_id:   # never: the plan counts as the store does
                raise RuntimeError("import: an id other than the one planned")
    return planned
