"""What every command module shares: its Typer app, the store of this run, output helpers.

Free of Typer at import time, so that the fast path (`cli.fast`) can use it.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

from bilancli import messages as msg

JSON_HELP = "Sortie JSON (un seul document sur la sortie standard)."
DATE_HELP = "Date : AAAA-MM-JJ, JJ/MM/AAAA ou en toutes lettres (défaut : aujourd'hui)."
ID_HELP = "Identifiant du bilan (AAAA-NNN)."


class _RunState:
    home_option: str | None = None


state = _RunState()


def make_app(help_text: str | None = None, cls=None, name: str | None = None):
    """A Typer app with French help; a sub-command's help is its line in `cli.toc`."""
    import typer

    from bilancli.cli.boundary import FrenchGroup

    return typer.Typer(
        name=name, cls=cls or FrenchGroup, help=help_text, no_args_is_help=True, add_completion=False,
        rich_markup_mode=None, pretty_exceptions_enable=False,
    )


def command(app, name: str, **settings):
    """Register a sub-command with French help."""
    from bilancli.cli.boundary import FrenchCommand

    return app.command(name, cls=FrenchCommand, **settings)


@contextmanager
def open_store(*, create: bool = True):
    """The store of this run; a command that only reads passes `create=False`."""
    from bilancli.store.db import Store

    store = Store(home(), create=create)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def writing():
    """The connection of this run, in one all-or-nothing write transaction."""
    with open_store() as store, store.write() as conn:
        yield conn


def read_bilan(bilan_id: str):
    """The snapshot of one bilan, for a command that only reads it."""
    from bilancli.core.ids import parse_id
    from bilancli.store import bilans

    wanted = parse_id(bilan_id)
    with open_store(create=False) as store:
        return bilans.load(store.conn, wanted)


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
    """One compact document: with `indent`, json falls back to its pure-Python encoder,
    ten times slower on the thousands of rows of a large store."""
    import json  # here: `show` without --json does not need it

    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")


def say(text: str) -> None:
    """A plain French confirmation line (no markup: user text may be in it)."""
    sys.stdout.write(text + "\n")


def console():
    from rich.console import Console

    return Console(highlight=False, markup=False, emoji=False)


def full_name(prenom: str | None, nom: str | None) -> str:
    return " ".join(x for x in (prenom, nom) if x)


def text(value) -> object:
    """User text for a rich table: a `Text` is never read as markup."""
    from rich.text import Text

    return Text("" if value is None else str(value))


_CONTROL = {code: " " for code in (*range(0, 32), 127)}


def print_columns(title: str | None, header: tuple[str, ...], rows: list[tuple[str, ...]],
                  styles: list[str] | None = None) -> None:
    """Aligned columns built by hand, for lists of thousands of rows: a rich `Table` measures
    every cell and takes seconds there. On a terminal, rich still styles the title, the header
    and each row (`styles`) and never reads user text as markup; piped, it is plain text."""
    rows = [tuple(cell.translate(_CONTROL) for cell in row) for row in rows]
    widths = [max(len(r[c]) for r in (header, *rows)) for c in range(len(header))]

    def line(cells) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths)).rstrip() + "\n"

    heading = f"{title}\n" if title else ""
    out = console()
    if not out.is_terminal:  # no styles to draw: plain text is instant
        sys.stdout.write(heading + line(header) + "".join(line(r) for r in rows))
        return
    from rich.text import Text

    text = Text()
    text.append(heading, style="bold")
    text.append(line(header), style="bold")
    for row, style in zip(rows, styles or [""] * len(rows)):
        text.append(line(row), style=style)
    out.print(text, end="", soft_wrap=True)


def leave(text: str, code: int) -> None:
    sys.stderr.write(text.rstrip("\n") + "\n")
    sys.exit(code)


def leave_on(exc: BaseException) -> None:
    """The exit for an error raised by a command: a refusal, an interruption, or the
    last resort, never a traceback for the consultant."""
    from bilancli.errors import BilanError

    if isinstance(exc, BilanError):
        leave(msg.PREFIX_ERREUR + exc.message, exc.exit_code)
    if isinstance(exc, KeyboardInterrupt):
        leave(msg.INTERROMPU, 130)
    if os.environ.get("BILAN_DEBUG"):
        raise exc
    leave(msg.ERREUR_INATTENDUE.format(type=type(exc).__name__), 1)
