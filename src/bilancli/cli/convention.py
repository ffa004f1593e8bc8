"""`bilan convention …`: the tripartite convention of R6313-8."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from bilancli import messages as msg
from bilancli.cli import base, render
from bilancli.cli.base import DATE_HELP, ID_HELP

app = base.make_app()


@base.command(app, "send")
def send(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    date: Annotated[Optional[str], typer.Option("--date", help="Jour où l'employeur a transmis le projet au salarié. " + DATE_HELP)] = None,
) -> None:
    """Enregistre la transmission du projet de convention au salarié (R6313-8)."""
    from bilancli.core import convention as conv
    from bilancli.core.dates import format_date
    from bilancli.core.ids import parse_id
    from bilancli.store import bilans, records

    wanted = parse_id(bilan_id)
    on = base.parse_date_option(date)
    with base.writing() as conn:
        limit = conv.check_send(bilans.load(conn, wanted), on, base.today())
        records.convention_sent(conn, wanted, on)
    base.say(msg.CONVENTION_TRANSMISE.format(id=wanted, date=format_date(on), echeance=format_date(limit)))


@base.command(app, "sign")
def sign(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    date: Annotated[Optional[str], typer.Option("--date", help="Jour où le salarié a signé. " + DATE_HELP)] = None,
) -> None:
    """Enregistre la signature de la convention par le salarié, dans les dix jours (R6313-8)."""
    from bilancli.core import convention as conv
    from bilancli.core.dates import format_date
    from bilancli.core.ids import parse_id
    from bilancli.store import bilans, records

    wanted = parse_id(bilan_id)
    on = base.parse_date_option(date)
    with base.writing() as conn:
        conv.check_sign(bilans.load(conn, wanted), on, base.today())
        records.convention_signed(conn, wanted, on)
    base.say(msg.CONVENTION_SIGNEE.format(id=wanted, date=format_date(on)))


# The convention's rendering shares its options and machinery with the other documents.
base.command(app, "render")(render.convention_render)
