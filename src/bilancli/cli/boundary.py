"""The CLI's single boundary: read the command line, run the command, one exit point.

Every error of every command ends here: a refusal is printed in French on stderr with its
exit code (1, or 2 for a command line that cannot be read), an interruption says what is
true, and anything else is the last resort, never a traceback for the consultant.
"""

from __future__ import annotations

import os
import sys

from bilancli import messages as msg
from bilancli.cli import base

INTERRUPTED = 130


def main(argv: list[str] | None = None) -> None:
    """The `bilan` command (console script `bilancli.cli:main`)."""
    sys.exit(run(sys.argv[1:] if argv is None else list(argv)))


def run(argv: list[str]) -> int:
    import gc

    from bilancli.cli import parse
    from bilancli.errors import BilanError

    base.state.reset()
    if os.environ.get("_BILAN_COMPLETE"):   # the shell asks for completions
        from bilancli.cli.completion import complete

        return complete(argv)
    # Commands are short and their objects hold no cycles worth collecting: the collector's
    # passes over the agenda's thousands of snapshots cost more than they free (measured:
    # 5–10 % of `agenda --json`). Memory still goes by reference counting.
    gc.disable()
    try:
        _check_text(argv)
        home, action = parse.parse(argv)
        base.state.home_option = home
        if isinstance(action, parse.Help):
            from bilancli.cli.helppage import page

            sys.stdout.write(page(action.path))
            return action.code
        if isinstance(action, parse.Version):
            from bilancli import __version__

            base.say(msg.VERSION.format(version=__version__))
            return 0
        if isinstance(action, parse.Completion):
            from bilancli.cli.completion import complete

            return complete(action.argv)
        action.command.function(**action.values)
        return 0
    except BilanError as exc:
        base.state.last_error = exc
        _tell(exc.message, msg.PREFIX_ERREUR)
        return exc.exit_code
    except KeyboardInterrupt:
        _tell(msg.INTERROMPU)
        return INTERRUPTED
    except BrokenPipeError:
        # `bilan list | head`: the reader has gone; nothing is wrong with the store.
        return 0
    except Exception as exc:
        if os.environ.get("BILAN_DEBUG"):
            raise
        known = _known_fault(exc)
        if known is not None:
            base.state.last_error = known
            _tell(known.message, msg.PREFIX_ERREUR)
            return known.exit_code
        _tell(msg.ERREUR_INATTENDUE.format(type=type(exc).__name__))
        return 1
    finally:
        gc.enable()   # for a caller that goes on: the tests, in-process
        sys.stdout.flush()


def _check_text(argv: list[str]) -> None:
    """Arguments that are not valid UTF-8 reach Python as lone surrogates: say which one."""
    from bilancli.errors import fail

    for position, token in enumerate(argv, start=1):
        try:
            token.encode("utf-8")
        except UnicodeEncodeError:
            shown = token.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise fail(msg.ARGUMENT_PAS_UTF8, position=position, saisie=shown) from None


def _known_fault(exc: Exception):
    """A fault of the machine, not of the program: a full disk said as such."""
    import sqlite3

    from bilancli.errors import fail

    if isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return fail(msg.DISQUE_PLEIN)
    if isinstance(exc, OSError) and exc.errno == 28:   # ENOSPC
        return fail(msg.DISQUE_PLEIN)
    return None


def _tell(text: str, prefix: str = "") -> None:
    from bilancli.cli.console import error

    error(prefix, text)
