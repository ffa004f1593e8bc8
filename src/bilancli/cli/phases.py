"""`bilan phase show|advance` and `bilan abandon`: the way through the three phases (R6313-4)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.base import DATE_HELP, ID_HELP, JSON_HELP

app = base.make_app()


@base.command(app, "show")
def show(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """Affiche la phase en cours et chaque condition pour passer à la suivante, avec sa source."""
    from bilancli.core.phases import NEXT_PHASE, check_gates, warnings

    bilan = base.read_bilan(bilan_id)
    checks = check_gates(bilan)
    view = {
        "phase": bilan.phase,
        "suivante": NEXT_PHASE.get(bilan.phase),
        "conditions": [
            {"condition": c.gate.wording, "source": c.gate.source, "remplie": c.held} for c in checks
        ],
        "avertissements": warnings(bilan),
    }
    if as_json:
        base.print_json(view)
    else:
        _print_checklist(bilan, checks, view)


def _print_checklist(bilan, checks, view) -> None:
    from rich.table import Table

    from bilancli.core.model import PHASE_LABELS

    out = base.console()
    title = msg.PHASE_ACTUELLE.format(id=bilan.id, phase=PHASE_LABELS[bilan.phase])
    if view["suivante"]:
        title += msg.PHASE_VERS.format(suivante=PHASE_LABELS[view["suivante"]])
    base.say(title)
    if not checks:
        base.say(msg.PHASE_CLOSE_RIEN)
    else:
        table = Table("", "Condition", "Source", box=None)
        for c in checks:
            wording = c.gate.wording
            if c.missing:
                wording += msg.CONDITION_MANQUE.format(champs=", ".join(c.missing))
            table.add_row(base.text("[x]" if c.held else "[ ]"), base.text(wording), c.gate.source)
        out.print(table)
        unmet = sum(not c.held for c in checks)
        if unmet:
            base.say(msg.CONDITIONS_MANQUANTES.format(nombre=unmet, suivante=PHASE_LABELS[view["suivante"]]))
        else:
            base.say(msg.CONDITIONS_TOUTES.format(id=bilan.id))
    if view["avertissements"]:
        base.say(msg.AVERTISSEMENTS + " :")
        for warning in view["avertissements"]:
            base.say("  ! " + warning)


@base.command(app, "advance")
def advance(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    date: Annotated[Optional[str], typer.Option("--date", help="Date du passage (fin du bilan s'il se termine). " + DATE_HELP)] = None,
) -> None:
    """Passe à la phase suivante si toutes les conditions sont remplies ; sinon les liste."""
    from bilancli.core import followup
    from bilancli.core import phases as rules
    from bilancli.core.dates import format_date
    from bilancli.core.ids import parse_id
    from bilancli.core.model import PHASE_LABELS
    from bilancli.store import bilans, records

    wanted = parse_id(bilan_id)
    on = base.parse_date_option(date)
    with base.writing() as conn:
        bilan = bilans.load(conn, wanted)
        target = rules.advance(bilan, on, base.today())
        ends = target == rules.TERMINE
        records.enter_phase(conn, wanted, target, on, date_fin=on if ends else None)
    base.say(msg.PASSAGE_FAIT.format(id=wanted, ancienne=PHASE_LABELS[bilan.phase],
                                     nouvelle=PHASE_LABELS[target], date=format_date(on)))
    if ends:
        base.say(msg.BILAN_TERMINE.format(id=wanted, date=format_date(on),
                                          suivi=format_date(followup.follow_up_due(on)),
                                          source=followup.SOURCE))


def abandon(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    date: Annotated[Optional[str], typer.Option("--date", help="Date de l'abandon (fin de l'action). " + DATE_HELP)] = None,
    motif: Annotated[Optional[str], typer.Option("--motif", help="Motif de l'abandon.")] = None,
) -> None:
    """`bilan abandon` (its help: its line in `cli.toc`)."""
    from bilancli.core import phases as rules
    from bilancli.core.dates import format_date
    from bilancli.core.ids import parse_id
    from bilancli.core.model import PHASE_LABELS
    from bilancli.store import bilans, records

    wanted = parse_id(bilan_id)
    on = base.parse_date_option(date)
    reason = motif.strip() if motif and motif.strip() else None
    with base.writing() as conn:
        bilan = bilans.load(conn, wanted)
        rules.abandon(bilan, on, base.today())
        records.enter_phase(conn, wanted, rules.ABANDONNE, on, date_fin=on, motif=reason)
    base.say(msg.BILAN_ABANDONNE.format(id=wanted, date=format_date(on), phase=PHASE_LABELS[bilan.phase]))
