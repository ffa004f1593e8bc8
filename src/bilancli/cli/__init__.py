"""The `bilan` command: Typer apps, one module per noun, joined here."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from bilancli.cli import agenda, base, bilans, convention, documents, entretiens, followup, phases, purge, render
from bilancli.cli.boundary import RootGroup

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


bilans.register(app)
app.add_typer(convention.app, name="convention")
app.add_typer(entretiens.app, name="entretien")
phases.register(app)
app.add_typer(documents.app, name="doc")
app.add_typer(render.synthese_app, name="synthese")
app.add_typer(render.emargement_app, name="emargement")
followup.register(app)
agenda.register(app)
purge.register(app)


def main() -> None:
    app(prog_name="bilan")
