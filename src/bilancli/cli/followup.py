"""`bilan suivi`, `satisfaction`, `edof`: recording what the agenda asks for after the end."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.base import DATE_HELP, ID_HELP


def _is_open(row) -> bool:
    from bilancli.core.model import OPEN_PHASES

    return row["phase"] in OPEN_PHASES


def suivi(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    date: Annotated[str, typer.Option("--date", help="Date de l'entretien de suivi : AAAA-MM-JJ, JJ/MM/AAAA ou en toutes lettres.")],
    notes: Annotated[Optional[str], typer.Option("--notes", help="Notes de l'entretien ; « - » les lit sur l'entrée standard. Elles sont du contenu du bilan, détruit selon R6313-7.")] = None,
) -> None:
    """`bilan suivi` (its help: its line in `cli.toc`)."""
    from bilancli.core.dates import format_date, from_iso, parse_date
    from bilancli.core.followup import check_recordable
    from bilancli.core.ids import parse_id
    from bilancli.store import bilans, records

    wanted = parse_id(bilan_id)
    on = parse_date(date)
    from bilancli.cli.editor import notes_option

    notes = notes_option(notes)
    with base.writing() as conn:
        row = bilans.require(conn, wanted)
        check_recordable(wanted, _is_open(row), from_iso(row["date_fin"]), on, base.today())
        records.record_suivi(conn, wanted, on, notes)
    base.say(msg.SUIVI_ENREGISTRE.format(date=format_date(on), id=wanted))


def satisfaction(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    moment: Annotated[str, typer.Option("--moment", help="fin (à la fin du bilan) ou suivi (à six mois).")],
    note: Annotated[str, typer.Option("--note", help="Note de satisfaction, de 1 à 5.")],
    commentaire: Annotated[Optional[str], typer.Option("--commentaire", help="Commentaire du bénéficiaire.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="Date de la réponse. " + DATE_HELP)] = None,
) -> None:
    """`bilan satisfaction` (its help: its line in `cli.toc`)."""
    from bilancli.core import satisfaction as sat
    from bilancli.core.content import require_content_kept
    from bilancli.core.ids import parse_id
    from bilancli.store import bilans, records

    wanted = parse_id(bilan_id)
    kind = sat.parse_moment(moment)
    score = sat.parse_note(note)
    on = base.parse_date_option(date)
    comment = commentaire if commentaire and commentaire.strip() else None
    with base.writing() as conn:
        row = bilans.require(conn, wanted)
        sat.check_recordable(wanted, _is_open(row), kind, on, base.today())
        if comment is not None:
            # A comment is the bilan's content (R6313-7); the score alone is administrative.
            require_content_kept(row, msg.SATISFACTION_COMMENTAIRE_DETRUIT)
        records.record_satisfaction(conn, wanted, moment=kind, note=score, commentaire=comment, on=on)
    base.say(msg.SATISFACTION_ENREGISTREE.format(moment=kind, id=wanted, note=score))


def edof(
    bilan_id: Annotated[str, typer.Argument(metavar="ID", help=ID_HELP)],
    sens: Annotated[str, typer.Argument(metavar="SENS", help="entree ou sortie.")],
    date: Annotated[Optional[str], typer.Option("--date", help="Date de la déclaration. " + DATE_HELP)] = None,
) -> None:
    """`bilan edof` (its help: its line in `cli.toc`)."""
    from bilancli.core import edof as rules
    from bilancli.core.dates import format_date
    from bilancli.core.ids import parse_id
    from bilancli.store import bilans, records

    wanted = parse_id(bilan_id)
    kind = rules.parse_sens(sens)
    on = base.parse_date_option(date)
    with base.writing() as conn:
        row = bilans.require(conn, wanted)
        rules.check_declarable(wanted, row["financement"], _is_open(row), kind, on, base.today())
        records.record_edof(conn, wanted, kind, on)
    base.say(msg.EDOF_ENREGISTREE.format(sens=msg.EDOF_SENS_LABELS[kind], date=format_date(on), id=wanted))
