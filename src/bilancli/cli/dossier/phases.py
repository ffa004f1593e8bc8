"""`bilan phase show|advance` and `bilan abandon`: the way through the three phases (R6313-4)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.dossier import views
from bilancli.cli.dossier.bilans import second_cpf_warnings
from bilancli.cli.spec import ID, JSON, command, group, opt
from bilancli.core.dates import format_date
from bilancli.core.dossier import followup
from bilancli.core.dossier import phases as rules
from bilancli.core.dossier.warnings import (
    below_minimum_delivered,
    planned_past_the_end,
    synthese_states_another_end,
)
from bilancli.core.ids import parse_id

group("phase", msg.GROUPE_PHASE)


@command("phase show", msg.CMD_PHASE_SHOW, ID, JSON,
         details=msg.DET_PHASE_SHOW)
def show(bilan_id, as_json) -> None:
    bilan = base.read_bilan(bilan_id, content=False)
    view = views.phase_json(bilan)
    if bilan.is_open and bilan.financement == "cpf":   # décret n° 2026-127, SPEC §3
        with base.reading() as store:
            view["avertissements"] += second_cpf_warnings(store.conn, bilan)
    if as_json:
        base.print_json(view)
    else:
        views.print_phase(bilan, view)


@command("phase advance", msg.CMD_PHASE_ADVANCE, ID,
         opt("--date", help=msg.OPT_DATE_PASSAGE, metavar="D"),
         details=msg.DET_PHASE_ADVANCE)
def advance(bilan_id, date) -> None:
    wanted = parse_id(bilan_id)
    on = base.parse_date_option(date)
    with base.writing() as tx:
        change = rules.advance(tx.load(wanted), on, base.today())
        tx.apply(change)
        after = tx.load(wanted)
    if change.phase != rules.TERMINE:   # the end is said below, with the follow-up it calls for
        base.say(msg.PASSAGE_FAIT.format(id=wanted, ancienne=msg.PHASE_LABELS[change.left],
                                         nouvelle=msg.PHASE_LABELS[change.phase], date=format_date(on)))
    if change.phase == rules.TERMINE:
        for warning in (below_minimum_delivered(after) + synthese_states_another_end(after)
                        + planned_past_the_end(after)):
            base.warn(warning)
    if change.date_fin:
        base.say(msg.BILAN_TERMINE.format(id=wanted, date=format_date(on),
                                          suivi=format_date(followup.follow_up_due(on)),
                                          source=followup.SOURCE))


@command("abandon", msg.CMD_ABANDON, ID,
         opt("--date", help=msg.OPT_DATE_ABANDON, metavar="D"),
         opt("--motif", help=msg.OPT_MOTIF_ABANDON))
def abandon(bilan_id, date, motif) -> None:
    wanted = parse_id(bilan_id)
    on = base.parse_date_option(date)
    with base.writing() as tx:
        change = rules.abandon(tx.load(wanted), on, motif, base.today())
        tx.apply(change)
    base.say(msg.BILAN_ABANDONNE.format(id=wanted, date=format_date(on),
                                        phase=msg.PHASE_LABELS[change.left]))
    if change.cancels:
        base.say(msg.RDV_ANNULES_ABANDON.format(nombre=len(change.cancels), id=wanted))
