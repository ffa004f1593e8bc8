"""`bilan rdv add|list|move|cancel|done` and `bilan convocation render`: the consultant's week
(SPEC §9)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.documents.rendering import RENDER_OPTIONS, render_document
from bilancli.cli.dossier.editor import notes_option
from bilancli.cli.semaine.entretiens import say_held
from bilancli.cli.semaine.rdvview import list_rdv
from bilancli.cli.spec import ID, JSON, arg, command, flag, group, opt
from bilancli.core.changes import SuiviHeld
from bilancli.core.dates import (
    format_date,
    format_day_long,
    format_minutes,
    format_time,
    parse_date,
    parse_duration,
    parse_time,
)
from bilancli.core.dossier.entretiens import parse_modalite
from bilancli.core.ids import parse_id
from bilancli.core.semaine import rdv as rules
from bilancli.core.semaine.rdv import parse_numero
from bilancli.store.semaine import rdv as rdv_store

group("rdv", msg.GROUPE_RDV)
group("convocation", msg.GROUPE_CONVOCATION)

NUMERO = arg("numero", "N", msg.ARG_RDV)
DU = opt("--du", help=msg.OPT_DU, metavar="D")
AU = opt("--au", help=msg.OPT_AU, metavar="D")


def _planned_elsewhere(tx):
    """Every planned rendez-vous of every bilan: the overlap check reads them all."""

    return rdv_store.planned(tx.conn)


@command("rdv add", msg.CMD_RDV_ADD, ID,
         opt("--date", help=msg.OPT_DATE_RDV, metavar="D", required=True),
         opt("--heure", help=msg.OPT_HEURE, metavar="H", required=True),
         opt("--duree", help=msg.OPT_DUREE, metavar="DUR", required=True),
         opt("--modalite", help=msg.OPT_MODALITE_RDV, metavar="presentiel|visio|telephone",
             complete="modalite"),
         opt("--lieu", help=msg.OPT_LIEU),
         opt("--lien", help=msg.OPT_LIEN, metavar="URL"),
         JSON, details=msg.DET_RDV_ADD)
def add(bilan_id, date, heure, duree, modalite, lieu, lien, as_json) -> None:
    wanted = parse_id(bilan_id)
    start = rules.start_at(parse_date(date, base.today()), parse_time(heure))
    minutes = parse_duration(duree)
    kind = parse_modalite(modalite) if modalite is not None else None
    link = rules.parse_lien(lien) if lien is not None else None
    with base.writing() as tx:
        bilan = tx.load(wanted, content=False)
        change = rules.plan(bilan, start, minutes, kind, lieu, link, _planned_elsewhere(tx),
                            base.today())
        numero = tx.apply(change)
    for warning in rules.unusual_hours(change.debut, change.minutes):
        base.warn(warning)
    if as_json:
        base.print_json({"numero": numero})
        return
    template = msg.RDV_SUIVI_PLANIFIE if bilan.phase == "termine" else msg.RDV_PLANIFIE
    base.say(template.format(numero=numero, id=wanted, **_when(start, minutes),
                             modalite=msg.MODALITE_LABELS[change.modalite].lower()))


def _when(start, minutes) -> dict:
    return {"jour": format_day_long(start.date()), "heure": format_time(start),
            "duree": format_minutes(minutes)}


@command("rdv list", msg.CMD_RDV_LIST,
         arg("bilan_id", "ID", msg.ARG_ID, required=False, complete="bilans"),
         DU, AU, flag("--tout", help=msg.OPT_TOUT), JSON, details=msg.DET_RDV_LIST)
def list_(bilan_id, du, au, tout, as_json) -> None:
    list_rdv(bilan_id, du, au, as_json, everything=tout)


@command("rdv move", msg.CMD_RDV_MOVE, ID, NUMERO,
         opt("--date", help=msg.OPT_DATE_DEPLACEMENT, metavar="D", required=True),
         opt("--heure", help=msg.OPT_HEURE_DEPLACEMENT, metavar="H"),
         opt("--duree", help=msg.OPT_DUREE_DEPLACEMENT, metavar="DUR"),
         details=msg.DET_RDV_MOVE)
def move(bilan_id, numero, date, heure, duree) -> None:
    wanted = parse_id(bilan_id)
    number = rules.parse_numero(numero)
    day = parse_date(date, base.today())
    at = parse_time(heure) if heure is not None else None
    minutes = parse_duration(duree) if duree is not None else None
    with base.writing() as tx:
        change = rules.move(tx.load(wanted, content=False), number, day, at, minutes, _planned_elsewhere(tx),
                            base.today())
        tx.apply(change)
    for warning in rules.unusual_hours(change.debut, change.minutes):
        base.warn(warning)
    base.say(msg.RDV_DEPLACE.format(numero=number, id=wanted, **_when(change.debut, change.minutes)))


@command("rdv cancel", msg.CMD_RDV_CANCEL, ID, NUMERO,
         opt("--par", help=msg.OPT_PAR, metavar="beneficiaire|cabinet", complete="par_rdv"),
         opt("--motif", help=msg.OPT_MOTIF_ANNULATION),
         details=msg.DET_RDV_CANCEL)
def cancel(bilan_id, numero, par, motif) -> None:
    wanted = parse_id(bilan_id)
    number = rules.parse_numero(numero)
    who = rules.parse_par(par) if par is not None else None
    with base.writing() as tx:
        bilan = tx.load(wanted)
        tx.apply(rules.cancel(bilan, number, who, motif, base.today()))
    rdv = rules.find(bilan, number)
    base.say(msg.RDV_ANNULE.format(numero=number, id=wanted, **_when(rdv.debut, rdv.minutes),
                                   par=msg.RDV_PAR_LABELS.get(who, "")))


@command("rdv done", msg.CMD_RDV_DONE, ID, NUMERO,
         opt("--duree", help=msg.OPT_DUREE_TENUE, metavar="DUR"),
         opt("--notes", help=msg.OPT_NOTES, metavar="TEXTE|-"),
         details=msg.DET_RDV_DONE)
def done(bilan_id, numero, duree, notes) -> None:
    wanted = parse_id(bilan_id)
    number = rules.parse_numero(numero)
    minutes = parse_duration(duree) if duree is not None else None
    text = notes_option(notes)
    with base.writing() as tx:
        change = rules.done(tx.load(wanted), number, minutes, text, base.today())
        entretien = tx.apply(change)
        after = tx.load(wanted)
    held = change.held
    base.say(msg.RDV_TENU.format(numero=number, id=wanted, jour=format_date(held.on)))
    if isinstance(held, SuiviHeld):
        base.say(msg.SUIVI_ENREGISTRE.format(date=format_date(held.on), id=wanted))
        return

    say_held(entretien, held, after)


@command("convocation render", msg.CMD_CONVOCATION_RENDER, ID, NUMERO, *RENDER_OPTIONS,
         details=msg.DET_CONVOCATION_RENDER)
def convocation_render(bilan_id, numero, format_, output, template) -> None:
    render_document("convocation", bilan_id, format_, output, template,
                    numero=parse_numero(numero))
