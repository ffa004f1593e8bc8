"""`bilan import`: bilans opened from a spreadsheet saved in CSV, in one transaction, all or
nothing (SPEC §12); `--dry-run` checks the whole file and shows the ids it would give."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.spec import JSON, arg, command, flag


@command("import", msg.CMD_IMPORT,
         arg("fichier", "FICHIER.csv", msg.ARG_FICHIER_CSV, complete="fichier"),
         flag("--dry-run", help=msg.OPT_DRY_RUN_IMPORT), JSON,
         details=msg.DET_IMPORT)
def import_(fichier, dry_run, as_json) -> None:
    from bilancli.cli.intake import read_regular_file
    from bilancli.core import csvtable
    from bilancli.core import spreadsheet as rules

    sheet = csvtable.read_sheet(
        read_regular_file(fichier, csvtable.check_size, csvtable.MAX_BYTES + 1, csvtable.check_size),
        fichier)
    rows = _openings(sheet, fichier, base.today())
    from bilancli.core.warnings import cpf_repeat_since
    from bilancli.store.bilans import cpf_bilans

    since = cpf_repeat_since(min((c.opened_on for _, c in rows), default=base.today()))
    if dry_run:
        with base.reading() as store:
            planned = _plan(store.conn, rows)
            cpf = cpf_bilans(store.conn, since)
    else:
        with base.writing() as tx:
            planned = _plan(tx.conn, rows)
            cpf = cpf_bilans(tx.conn, since)
            for p in planned:
                if tx.apply(p.opening) != p.bilan_id:   # never: the plan counts as the store does
                    raise RuntimeError("import: an id other than the one planned")
    for warning in rules.warnings(planned, cpf):
        base.warn(warning)
    _say(planned, fichier, dry_run, as_json)


def _openings(sheet, fichier: str, today) -> list[tuple[int, object]]:
    """(row number, Opening) of every row that is not blank; refused, listing every faulty
    row and what is wrong in it, when any is."""
    from bilancli.core import spreadsheet as rules
    from bilancli.errors import fail

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
    from bilancli.core.spreadsheet import plan
    from bilancli.store.bilans import next_number, open_names

    years = {change.opened_on.year for _, change in rows}
    return plan(rows, {year: next_number(conn, year) for year in years}, open_names(conn))


def _say(planned, fichier: str, dry_run: bool, as_json: bool) -> None:
    if as_json:
        base.print_json({"ids": [p.bilan_id for p in planned]})
        return
    if not planned:
        base.say(msg.IMPORT_RIEN.format(fichier=fichier))
        return
    from bilancli.cli.display import Line, Table, draw
    from bilancli.core.dates import format_date
    from bilancli.core.formats import full_name

    template = msg.IMPORT_SIMULATION if dry_run else msg.IMPORT_FAIT
    draw(Table(None, ("Ligne", "Bilan", "Bénéficiaire", "Ouverture"), [
        (str(p.row), p.bilan_id, full_name(p.opening.admin["prenom"], p.opening.admin["nom"]),
         format_date(p.opening.opened_on)) for p in planned], right=(0,)),
         Line(template.format(nombre=len(planned), fichier=fichier)))
