"""What every command module shares: its Typer app, the store of this run, output helpers."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager

import typer

from bilancli.cli.boundary import FrenchCommand, FrenchGroup

JSON_HELP = "Sortie JSON (un seul document sur la sortie standard)."
DATE_HELP = "Date : AAAA-MM-JJ, JJ/MM/AAAA ou en toutes lettres (défaut : aujourd'hui)."
ID_HELP = "Identifiant du bilan (AAAA-NNN)."


class _RunState:
    home_option: str | None = None


state = _RunState()


def make_app(help_text: str, cls=FrenchGroup, name: str | None = None) -> typer.Typer:
    return typer.Typer(
        name=name, cls=cls, help=help_text, no_args_is_help=True, add_completion=False,
        rich_markup_mode=None, pretty_exceptions_enable=False,
    )


def command(app: typer.Typer, name: str, **settings):
    """Register a sub-command with French help."""
    return app.command(name, cls=FrenchCommand, **settings)


@contextmanager
def open_store():
    from bilancli.settings import resolve_home
    from bilancli.store.db import Store

    store = Store(resolve_home(state.home_option))
    try:
        yield store
    finally:
        store.close()


def home():
    from bilancli.settings import resolve_home

    return resolve_home(state.home_option)


def today():
    from bilancli.settings import today as _today

    return _today()


def parse_date_option(text: str | None):
    """A date option, defaulting to today."""
    if text is None:
        return today()
    from bilancli.core.dates import parse_date

    return parse_date(text)


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def say(text: str) -> None:
    """A plain French confirmation line (no markup: user text may be in it)."""
    sys.stdout.write(text + "\n")


def console():
    from rich.console import Console

    return Console(highlight=False)


def text(value) -> object:
    """User text for a rich table: a `Text` is never read as markup."""
    from rich.text import Text

    return Text("" if value is None else str(value))
