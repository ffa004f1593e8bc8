"""`bilan import`: bilans opened from a spreadsheet saved in CSV (`services.imports`: in one
transaction, all or nothing, SPEC §12); `--dry-run` checks the whole file and shows the ids
it would give."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.display import Line, Table, draw
from bilancli.cli.donnees.intake import read_regular_file
from bilancli.cli.spec import JSON, arg, command, flag
from bilancli.core.dates import format_date
from bilancli.core.echanges import csvtable
from bilancli.core.echanges import spreadsheet as rules
from bilancli.core.formats import full_name
from bilancli.services import imports as service


@command("import", msg.CMD_IMPORT,
         arg("fichier", "FICHIER.csv", msg.ARG_FICHIER_CSV, complete="fichier"),
         flag("--dry-run", help=msg.OPT_DRY_RUN_IMPORT), JSON,
         details=msg.DET_IMPORT)
def import_(fichier, dry_run, as_json) -> None:
    sheet = csvtable.read_sheet(
        read_regular_file(fichier, csvtable.check_size, csvtable.MAX_BYTES + 1, csvtable.check_size),
        fichier)
    rows = service.openings(sheet, fichier, base.today())
    run = service.simulate if dry_run else service.execute
    planned, cpf = run(base.home(), rows, base.today())
    for warning in rules.warnings(planned, cpf):
        base.warn(warning)
    _say(planned, fichier, dry_run, as_json)


def _say(planned, fichier: str, dry_run: bool, as_json: bool) -> None:
    if as_json:
        base.print_json({"ids": [p.bilan_id for p in planned]})
        return
    if not planned:
        base.say(msg.IMPORT_RIEN.format(fichier=fichier))
        return

    template = msg.IMPORT_SIMULATION if dry_run else msg.IMPORT_FAIT
    draw(Table(None, ("Ligne", "Bilan", "Bénéficiaire", "Ouverture"), [
        (str(p.row), p.bilan_id, full_name(p.opening.admin["prenom"], p.opening.admin["nom"]),
         format_date(p.opening.opened_on)) for p in planned], right=(0,)),
         Line(template.format(nombre=len(planned), fichier=fichier)))
