"""The console a person reads: rich's, made once per run, for the standard output, and its
twin for the standard error (warnings, errors, the purge's progress) — rich's own way of
writing to both.

rich decides what the person's screen can take: colours and bold on a terminal; with
`NO_COLOR`, no colour (bold stays, as no-color.org asks); through a pipe or into a file, no
style at all; `FORCE_COLOR` or `TTY_COMPATIBLE=1` to force them. rich is imported here, only when something is drawn for a person: never for
`--json`, never for a plain confirmation line.

Through a pipe or into a file, nothing is cut or wrapped to a screen that is not there: each
row of a table stays one line (for `grep`), as wide as `COLUMNS` says when it is set.
"""

from __future__ import annotations

import os

from bilancli.core.formats import clean

PIPED_WIDTH = 1000   # no screen behind a pipe: a row stays one line

_consoles: dict[bool, object] = {}


def reset() -> None:
    """Forget the consoles: the next run (the tests run `bilan` in-process, each with its own
    streams) asks again whether it writes to a terminal."""
    _consoles.clear()


def console(stderr: bool = False):
    """This run's console for the standard output (or, `stderr`, the standard error)."""
    found = _consoles.get(stderr)
    if found is None:
        from rich.console import Console

        # highlight off: rich would colour the numbers and dates of user text by guessing.
        found = _consoles[stderr] = Console(stderr=stderr, highlight=False, emoji=False)
        if not found.is_terminal and "COLUMNS" not in os.environ:
            found.size = (PIPED_WIDTH, 25)   # both given: rich asks the environment no more
    return found


def warning(prefix: str, text: str) -> None:
    """A warning on stderr, its prefix in yellow: the command went ahead."""
    _tell(prefix, text, "bold yellow")


def error(prefix: str, text: str) -> None:
    """A refusal on stderr, its prefix in red."""
    _tell(prefix, text, "bold red")


def _tell(prefix: str, text: str, style: str) -> None:
    from rich.text import Text


    # A Text is never read as markup: a nom `[bold]x[/]` in a message prints as typed.
    line = Text.assemble((prefix, style), clean(text.rstrip("\n"), keep_newlines=True))
    err = console(stderr=True)
    err.print(line, soft_wrap=not err.is_terminal)
    err.file.flush()
