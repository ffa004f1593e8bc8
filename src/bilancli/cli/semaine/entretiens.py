"""`bilan entretien add|list`: the entretiens of a bilan, each in the phase it was held."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.dossier import views
from bilancli.cli.dossier.editor import notes_option
from bilancli.cli.spec import ID, JSON, arg, command, group, opt
from bilancli.core.dates import (
    format_date,
    format_hours,
    format_minutes,
    parse_date,
    parse_duration,
)
from bilancli.core.dossier import entretiens as rules
from bilancli.core.dossier.entretiens import hold, parse_modalite
from bilancli.core.dossier.phases import parse_phase
from bilancli.core.dossier.warnings import after_entretien
from bilancli.core.ids import parse_id
from bilancli.errors import fail

group("entretien", msg.GROUPE_ENTRETIEN)


@command("entretien add", msg.CMD_ENTRETIEN_ADD, ID,
         opt("--date", help=msg.OPT_DATE_ENTRETIEN, metavar="D", required=True),
         opt("--duree", help=msg.OPT_DUREE, metavar="DUR", required=True),
         opt("--modalite", help=msg.OPT_MODALITE, metavar="presentiel|visio|telephone",
             complete="modalite"),
         opt("--notes", help=msg.OPT_NOTES, metavar="TEXTE|-"),
         opt("--phase", help=msg.OPT_PHASE_OUBLIE, metavar="P", complete="phase"),
         details=msg.DET_ENTRETIEN_ADD)
def add(bilan_id, date, duree, modalite, notes, phase) -> None:
    wanted = parse_id(bilan_id)
    on = parse_date(date, base.today())
    minutes = parse_duration(duree)
    kind = parse_modalite(modalite) if modalite is not None else None
    target = parse_phase(phase) if phase is not None else None
    text = notes_option(notes)
    with base.writing() as tx:
        change = hold(tx.load(wanted, content=False), on, minutes, kind, text, base.today(), target)
        numero = tx.apply(change)
        after = tx.load(wanted, content=False)
    say_held(numero, change, after)


def say_held(numero: int, held, after) -> None:
    """An entretien recorded (`held`, the change written; `after`, the bilan since): what
    it is, the hours so far, and the warnings it calls for."""

    base.say(msg.ENTRETIEN_ENREGISTRE.format(
        numero=numero, date=format_date(held.on), duree=format_minutes(held.minutes),
        modalite=msg.MODALITE_LABELS[held.modalite].lower(), phase=msg.PHASE_LABELS[held.phase],
        id=after.id, total=format_hours(after.minutes_delivered)))
    for warning in after_entretien(after, numero):
        base.warn(warning)


@command("entretien list", msg.CMD_ENTRETIEN_LIST, ID, JSON)
def list_(bilan_id, as_json) -> None:
    bilan = base.read_bilan(bilan_id, content=False)
    view = views.attendance_json(bilan)
    if as_json:
        base.print_json(view)
    else:
        views.print_attendance(bilan.id, view)


@command("entretien edit", msg.CMD_ENTRETIEN_EDIT, ID,
         arg("numero", "N", msg.ARG_NUMERO_ENTRETIEN),
         opt("--date", help=msg.OPT_DATE_CORRIGEE, metavar="D"),
         opt("--duree", help=msg.OPT_DUREE, metavar="DUR"),
         opt("--modalite", help=msg.OPT_MODALITE, metavar="M", complete="modalite"),
         opt("--phase", help=msg.OPT_PHASE_CORRIGEE, metavar="P", complete="phase"),
         opt("--notes", help=msg.OPT_NOTES, metavar="TEXTE|-"),
         opt("--motif", help=msg.OPT_MOTIF_CORRECTION),
         details=msg.DET_ENTRETIEN_EDIT)
def edit(bilan_id, numero, date, duree, modalite, phase, notes, motif) -> None:
    wanted = parse_id(bilan_id)
    n = rules.parse_numero(numero)
    values = dict(
        on=parse_date(date, base.today()) if date is not None else None,
        minutes=parse_duration(duree) if duree is not None else None,
        modalite=rules.parse_modalite(modalite) if modalite is not None else None,
        phase=parse_phase(phase) if phase is not None else None,
        notes=notes_option(notes),
    )
    if all(v is None for v in values.values()):
        raise fail(msg.CORRECTION_SANS_VALEUR, numero=n)
    with base.writing() as tx:
        change = rules.correct(tx.load(wanted), n, motif=motif, today=base.today(), **values)
        if change is not None:
            tx.apply(change)
    if change is None:
        base.say(msg.ENTRETIEN_INCHANGE.format(numero=n, id=wanted))
    elif change.avant == change.apres:   # the notes alone: content, never in the trail
        base.say(msg.ENTRETIEN_NOTES_REMPLACEES.format(numero=n, id=wanted))
    else:
        base.say(msg.ENTRETIEN_CORRIGE.format(numero=n, id=wanted))


@command("entretien remove", msg.CMD_ENTRETIEN_REMOVE, ID,
         arg("numero", "N", msg.ARG_NUMERO_ENTRETIEN),
         opt("--motif", help=msg.OPT_MOTIF_CORRECTION),
         details=msg.DET_ENTRETIEN_REMOVE)
def remove(bilan_id, numero, motif) -> None:
    wanted = parse_id(bilan_id)
    n = rules.parse_numero(numero)
    with base.writing() as tx:
        tx.apply(rules.remove(tx.load(wanted), n, motif, base.today()))
    base.say(msg.ENTRETIEN_RETIRE.format(numero=n, id=wanted))
