"""`bilan convention send|sign|render`: the tripartite convention of R6313-8."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.rendering import RENDER_OPTIONS, render_document
from bilancli.cli.spec import ID, command, group, opt

group("convention", msg.GROUPE_CONVENTION)


@command("convention send", msg.CMD_CONVENTION_SEND, ID,
         opt("--date", help=msg.OPT_DATE_TRANSMISSION, metavar="D"),
         details=msg.DET_CONVENTION_SEND)
def send(bilan_id, date) -> None:
    from bilancli.core import convention as rules
    from bilancli.core.dates import format_date
    from bilancli.core.ids import parse_id

    wanted = parse_id(bilan_id)
    on = base.parse_date_option(date)
    with base.writing() as tx:
        change = rules.send(tx.load(wanted), on, base.today())
        tx.apply(change)
    base.say(msg.CONVENTION_TRANSMISE.format(id=wanted, date=format_date(on),
                                             echeance=format_date(change.deadline)))


@command("convention sign", msg.CMD_CONVENTION_SIGN, ID,
         opt("--date", help=msg.OPT_DATE_SIGNATURE, metavar="D"),
         details=msg.DET_CONVENTION_SIGN)
def sign(bilan_id, date) -> None:
    from bilancli.core import convention as rules
    from bilancli.core.dates import format_date
    from bilancli.core.ids import parse_id

    wanted = parse_id(bilan_id)
    on = base.parse_date_option(date)
    with base.writing() as tx:
        tx.apply(rules.sign(tx.load(wanted), on, base.today()))
    base.say(msg.CONVENTION_SIGNEE.format(id=wanted, date=format_date(on)))


@command("convention render", msg.CMD_CONVENTION_RENDER, ID, *RENDER_OPTIONS)
def render(bilan_id, format_, output, template) -> None:
    render_document("convention", bilan_id, format_, output, template)
