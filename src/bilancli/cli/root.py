"""The `bilan` command: its table of contents and the root Typer app.

Only the sub-command typed is imported and built: building all of them costs
more than the command itself for `show` or `list` (see README, Performance).
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from bilancli.cli import base
from bilancli.cli.boundary import RootGroup

_SET_SETTINGS = {"context_settings": {"ignore_unknown_options": True}}

# name → (module, attribute: a Typer group or a command function, command settings), in the
# order of a bilan's life, which is the order of `bilan --help`.
COMMANDS: dict[str, tuple[str, str, dict]] = {
    "new": ("bilancli.cli.bilans", "new", {}),
    "list": ("bilancli.cli.bilans", "list_", {}),
    "show": ("bilancli.cli.bilans", "show", {}),
    # A value may start with a dash ("- premier point", "-2"): for `set` it is a value, not an option.
    "set": ("bilancli.cli.bilans", "set_", _SET_SETTINGS),
    "consent": ("bilancli.cli.bilans", "consent", {}),
    "convention": ("bilancli.cli.convention", "app", {}),
    "entretien": ("bilancli.cli.entretiens", "app", {}),
    "phase": ("bilancli.cli.phases", "app", {}),
    "abandon": ("bilancli.cli.phases", "abandon", {}),
    "doc": ("bilancli.cli.documents", "app", {}),
    "synthese": ("bilancli.cli.render", "synthese_app", {}),
    "emargement": ("bilancli.cli.render", "emargement_app", {}),
    "suivi": ("bilancli.cli.followup", "suivi", {}),
    "satisfaction": ("bilancli.cli.followup", "satisfaction", {}),
    "edof": ("bilancli.cli.followup", "edof", {}),
    "agenda": ("bilancli.cli.agenda", "agenda", {}),
    "stats": ("bilancli.cli.agenda", "stats", {}),
    "purge": ("bilancli.cli.purge", "purge", {}),
}

app = base.make_app(
    "bilan : les bilans de compétences d'un cabinet, du consentement à la destruction "
    "des documents (Code du travail L6313-4, R6313-4 à R6313-8).",
    cls=RootGroup,
    name="bilan",
)


@app.callback()
def _root(
    home: Annotated[
        Optional[str],
        typer.Option("--home", metavar="DOSSIER", help="Dossier des données (défaut : BILAN_HOME, sinon le dossier de l'utilisateur)."),
    ] = None,
) -> None:
    base.state.home_option = home
