"""`bilan reclamation add|answer|close|show|list`: the register of réclamations (SPEC §11,
Qualiopi indicators 31 and 32)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.qualite.reclamationsview import show_complaint, show_register
from bilancli.cli.spec import JSON, arg, command, flag, group, opt
from bilancli.core.dates import format_date, iso, parse_date
from bilancli.core.ids import parse_id
from bilancli.core.qualite import complaints as rules

group("reclamation", msg.GROUPE_RECLAMATION)

NUMERO = arg("numero", "NUMERO", msg.ARG_NUMERO_RECLAMATION, complete="reclamations")


@command("reclamation add", msg.CMD_RECLAMATION_ADD,
         opt("--bilan", help=msg.OPT_BILAN_RECLAMATION, dest="bilan_id", metavar="ID",
             complete="bilans"),
         opt("--date", help=msg.OPT_DATE_RECEPTION, metavar="D", required=True),
         opt("--origine", help=msg.OPT_ORIGINE, metavar="beneficiaire|employeur|financeur|autre",
             required=True, complete="origine"),
         opt("--canal", help=msg.OPT_CANAL, metavar="courriel|courrier|telephone|oral|autre",
             required=True, complete="canal"),
         opt("--objet", help=msg.OPT_OBJET, required=True),
         JSON, details=msg.DET_RECLAMATION_ADD)
def add(bilan_id, date, origine, canal, objet, as_json) -> None:
    wanted = parse_id(bilan_id) if bilan_id is not None else None
    on = parse_date(date, base.today())
    origin, channel = rules.parse_origin(origine), rules.parse_channel(canal)
    delay = rules.answer_delay_days(base.config().qualite)
    with base.writing() as tx:
        opened = tx.load(wanted).date_ouverture if wanted else None
        change = rules.receive(wanted, on, base.today(), origin, channel, objet, delay, opened)
        numero = tx.apply(change)
    if as_json:
        base.print_json({"numero": numero, "echeance": iso(change.echeance)})
    else:
        base.say(msg.RECLAMATION_ENREGISTREE.format(numero=numero, date=format_date(on),
                                                    echeance=format_date(change.echeance)))


@command("reclamation answer", msg.CMD_RECLAMATION_ANSWER, NUMERO,
         opt("--date", help=msg.OPT_DATE_REPONSE_RECLAMATION, metavar="D", required=True),
         opt("--reponse", help=msg.OPT_REPONSE, required=True))
def answer(numero, date, reponse) -> None:
    wanted = rules.parse_number(numero)
    on = parse_date(date, base.today())
    with base.writing() as tx:
        tx.apply(rules.answer(tx.complaint(wanted), on, base.today(), reponse))
    base.say(msg.RECLAMATION_REPONDUE.format(numero=wanted, date=format_date(on)))


@command("reclamation close", msg.CMD_RECLAMATION_CLOSE, NUMERO,
         opt("--date", help=msg.OPT_DATE_CLOTURE, metavar="D", required=True),
         opt("--action", help=msg.OPT_ACTION))
def close(numero, date, action) -> None:
    wanted = rules.parse_number(numero)
    on = parse_date(date, base.today())
    with base.writing() as tx:
        tx.apply(rules.close(tx.complaint(wanted), on, base.today(), action))
    base.say(msg.RECLAMATION_CLOSE.format(numero=wanted, date=format_date(on)))


@command("reclamation show", msg.CMD_RECLAMATION_SHOW, NUMERO, JSON)
def show(numero, as_json) -> None:
    show_complaint(numero, as_json)


@command("reclamation list", msg.CMD_RECLAMATION_LIST,
         opt("--annee", help=msg.OPT_ANNEE_RECLAMATIONS, metavar="A"),
         flag("--tout", help=msg.OPT_TOUT), JSON, details=msg.DET_RECLAMATION_LIST)
def list_(annee, tout, as_json) -> None:
    show_register(annee, as_json, everything=tout)
