"""`bilan agenda` and `bilan stats`: deadlines and the year's figures (SPEC §6, §7)."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli.qualite.statsview import publish_stats, show_stats
from bilancli.cli.semaine.agendaview import show_agenda
from bilancli.cli.spec import JSON, command, flag, opt


@command("agenda", msg.CMD_AGENDA,
         opt("--du", help=msg.OPT_DU_AGENDA, metavar="D"),
         opt("--au", help=msg.OPT_AU_AGENDA, metavar="D"),
         flag("--tout", help=msg.OPT_TOUT), JSON, details=msg.DET_AGENDA)
def agenda(du, au, tout, as_json) -> None:
    show_agenda(as_json, du, au, everything=tout)


@command("stats", msg.CMD_STATS, opt("--annee", help=msg.OPT_ANNEE, metavar="A"),
         opt("--format", help=msg.OPT_FORMAT_STATS, dest="format_", metavar="md|html"),
         opt("-o", "--output", help=msg.OPT_SORTIE_STATS, metavar="FICHIER|-"),
         JSON, details=msg.DET_STATS)
def stats(annee, format_, output, as_json) -> None:
    if format_ is not None and not as_json:
        publish_stats(annee, format_, output)
    else:
        show_stats(annee, as_json)
