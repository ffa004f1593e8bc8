"""`bilan purge`: the Typer command around `cli.purging.run_purge` (SPEC §5)."""

from __future__ import annotations

from typing import Annotated

import typer

from bilancli.cli.base import JSON_HELP


def purge(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Montre ce qui serait détruit, quand et pourquoi, sans rien changer.")] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Détruit sans demander de confirmation (obligatoire sans terminal, par exemple en cron).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help=JSON_HELP)] = False,
) -> None:
    """`bilan purge` (its help: its line in `cli.toc`)."""
    from bilancli.cli.purging import run_purge

    run_purge(dry_run, yes, as_json)
