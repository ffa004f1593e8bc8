"""The root Typer app of `bilan`, built around its table of contents (`cli.toc`).

Only the sub-command typed is imported and built: building all of them costs
more than the command itself for `show` or `list` (see README, Performance).
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from bilancli.cli import base, toc
from bilancli.cli.boundary import RootGroup

app = base.make_app(toc.ROOT_HELP, cls=RootGroup, name="bilan")


@app.callback()
def _root(
    home: Annotated[
        Optional[str], typer.Option("--home", metavar=toc.HOME_METAVAR, help=toc.HOME_HELP),
    ] = None,
) -> None:
    base.state.home_option = home
