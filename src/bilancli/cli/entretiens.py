"""`bilan entretien add|list`: the entretiens of a bilan, each in the phase it was held."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.base import ID_HELP, JSON_HELP
from bilancli.core.entretiens import DEFAULT_MODALITE

app = base.make_app()


@base.command(app, "add")
def add(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    date: Annotated[str, typer.Option("--date", help="Date de l'entretien : AAAA-MM-JJ, JJ/MM/AAAA ou en toutes lettres.")],
    duree: Annotated[str, typer.Option("--duree", help="Durée : 2h, 1h30, 90min, 1,5…")],
    modalite: Annotated[str, typer.Option("--modalite", help="presentiel, visio ou telephone.")] = DEFAULT_MODALITE,
    notes: Annotated[Optional[str], typer.Option("--notes", help="Notes de l'entretien ; « - » les lit sur l'entrée standard.")] = None,
) -> None:
    """Consigne un entretien dans la phase en cours du bilan."""
    from bilancli.core.dates import format_date, format_hours, format_minutes, parse_date, parse_duration
    from bilancli.core.entretiens import check_new_entretien, parse_modalite
    from bilancli.core.ids import parse_id
    from bilancli.cli.editor import notes_option
    from bilancli.core.model import MODALITE_LABELS, PHASE_LABELS
    from bilancli.store import bilans, records

    wanted = parse_id(bilan_id)
    on = parse_date(date)
    minutes = parse_duration(duree)
    kind = parse_modalite(modalite)
    notes = notes_option(notes)
    with base.writing() as conn:
        bilan = bilans.load(conn, wanted)
        check_new_entretien(bilan, on, minutes, base.today())
        records.add_entretien(conn, wanted, on=on, minutes=minutes, modalite=kind,
                              phase=bilan.phase, notes=notes)
    base.say(msg.ENTRETIEN_ENREGISTRE.format(
        date=format_date(on), duree=format_minutes(minutes), modalite=MODALITE_LABELS[kind].lower(),
        phase=PHASE_LABELS[bilan.phase], id=wanted,
        total=format_hours(bilan.minutes_delivered + minutes)))


@base.command(app, "list")
def list_(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Liste les entretiens d'un bilan avec leur phase et le total des heures."""
    bilan = base.read_bilan(bilan_id)
    if as_json:
        from bilancli.cli.views import attendance_json

        base.print_json(attendance_json(bilan))
    else:
        _print(bilan)


def _print(bilan) -> None:
    from rich.table import Table

    from bilancli.core.dates import format_date, format_hours, format_minutes
    from bilancli.core.model import MODALITE_LABELS, PHASE_LABELS

    if not bilan.entretiens:
        base.say(msg.AUCUN_ENTRETIEN.format(id=bilan.id))
        return
    table = Table("Date", "Durée", "Modalité", "Phase", box=None,
                  title=f"Entretiens du bilan {bilan.id}", title_justify="left")
    for e in bilan.entretiens:
        table.add_row(format_date(e.date), format_minutes(e.minutes),
                      MODALITE_LABELS.get(e.modalite, e.modalite), PHASE_LABELS[e.phase])
    base.console().print(table)
    base.say(msg.TOTAL_HEURES.format(total=format_hours(bilan.minutes_delivered)))
