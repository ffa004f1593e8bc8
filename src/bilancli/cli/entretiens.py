"""`bilan entretien add|list`: the entretiens of a bilan, each in the phase it was held."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.spec import ID, JSON, command, group, opt

group("entretien", msg.GROUPE_ENTRETIEN)


@command("entretien add", msg.CMD_ENTRETIEN_ADD, ID,
         opt("--date", help=msg.OPT_DATE_ENTRETIEN, metavar="D", required=True),
         opt("--duree", help=msg.OPT_DUREE, metavar="DUR", required=True),
         opt("--modalite", help=msg.OPT_MODALITE, metavar="presentiel|visio|telephone",
             complete="modalite"),
         opt("--notes", help=msg.OPT_NOTES, metavar="TEXTE|-"),
         details=msg.DET_ENTRETIEN_ADD)
def add(bilan_id, date, duree, modalite, notes) -> None:
    from bilancli.cli.editor import notes_option
    from bilancli.core.dates import format_date, format_hours, format_minutes, parse_date, parse_duration
    from bilancli.core.entretiens import hold, parse_modalite
    from bilancli.core.ids import parse_id

    wanted = parse_id(bilan_id)
    on = parse_date(date)
    minutes = parse_duration(duree)
    kind = parse_modalite(modalite) if modalite is not None else None
    text = notes_option(notes)
    with base.writing() as tx:
        bilan = tx.load(wanted)
        change = hold(bilan, on, minutes, kind, text, base.today())
        tx.apply(change)
    base.say(msg.ENTRETIEN_ENREGISTRE.format(
        date=format_date(on), duree=format_minutes(minutes),
        modalite=msg.MODALITE_LABELS[change.modalite].lower(), phase=msg.PHASE_LABELS[change.phase],
        id=wanted, total=format_hours(bilan.minutes_delivered + minutes)))


@command("entretien list", msg.CMD_ENTRETIEN_LIST, ID, JSON)
def list_(bilan_id, as_json) -> None:
    from bilancli.cli import views

    bilan = base.read_bilan(bilan_id)
    view = views.attendance_json(bilan)
    if as_json:
        base.print_json(view)
    else:
        views.print_attendance(bilan.id, view)
