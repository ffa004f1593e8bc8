"""`bilan agenda` and `bilan stats`: deadlines and the year's figures (SPEC §6, §7)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from bilancli.cli.base import JSON_HELP


def agenda(
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """`bilan agenda` (its help: its line in `cli.toc`)."""
    from bilancli.cli.agendaview import show_agenda

    show_agenda(as_json)


def stats(
    annee: Annotated[Optional[str], typer.Option("--annee", help="Année (défaut : l'année en cours).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """`bilan stats` (its help: its line in `cli.toc`)."""
    from bilancli.cli.statsview import show_stats

    show_stats(annee, as_json)
