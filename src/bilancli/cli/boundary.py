"""The CLI's single boundary: Click reads the command line and runs the command; one exit point.

Every error of every command ends here: a refusal is printed in French on stderr with its
exit code (1, or 2 for a command line that cannot be read), an interruption says what is
true, and anything else is the last resort, never a traceback for the consultant.
"""

from __future__ import annotations

import os
import sys

import click

from bilancli import messages as msg
from bilancli.cli import app, base
from bilancli.cli.console import error
from bilancli.errors import BilanError, UsageError, fail

INTERRUPTED = 130


def main(argv: list[str] | None = None) -> None:
    """The `bilan` command (console script `bilancli.cli:main`)."""
    sys.exit(run(sys.argv[1:] if argv is None else list(argv)))


def run(argv: list[str]) -> int:
    base.state.reset()
    with app.french():
        try:
            instruction = os.environ.get(app.COMPLETION_VARIABLE)
            if instruction:   # the shell asks for completions
                from click.shell_completion import shell_complete

                return shell_complete(app.root, {}, "bilan", app.COMPLETION_VARIABLE, instruction)
            _check_text(argv)
            with app.root.make_context("bilan", list(argv)) as ctx:
                app.root.invoke(ctx)
            return 0
        except click.exceptions.Exit as leaving:   # --help, --version: said, and done
            return leaving.exit_code
        except click.UsageError as exc:
            return _usage(exc)
        except click.ClickException as exc:
            base.state.last_error = BilanError(exc.format_message())
            return _said(exc)
        except BilanError as exc:
            base.state.last_error = exc
            _tell(exc.message, msg.PREFIX_ERREUR)
            return exc.exit_code
        except (KeyboardInterrupt, click.Abort):
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
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                pass


def _usage(exc: click.UsageError) -> int:
    """Click's usage error, in French: the usage line, where to find help, what was wrong."""
    if isinstance(exc, click.NoSuchOption) and exc.possibilities:
        # The suggestion said the same way by every Click version (some quote it, some not).
        close = ", ".join(sorted(exc.possibilities))
        exc.message += msg.OPTION_PROCHE.format(suggestions=close)
        exc.possibilities = None
    base.state.last_error = UsageError(exc.format_message())
    told = exc.format_message()
    if exc.ctx is not None:   # what the command takes, and where its help is
        told += "\n" + exc.ctx.get_usage() + "\n" + msg.ESSAYEZ_AIDE.format(commande=exc.ctx.command_path)
    _tell(told, msg.PREFIX_ERREUR)
    return exc.exit_code


def _said(exc: click.ClickException) -> int:
    _tell(exc.format_message(), msg.PREFIX_ERREUR)
    return exc.exit_code


def _check_text(argv: list[str]) -> None:
    """Arguments that are not valid UTF-8 reach Python as lone surrogates: say which one."""

    for position, token in enumerate(argv, start=1):
        try:
            token.encode("utf-8")
        except UnicodeEncodeError:
            shown = token.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise fail(msg.ARGUMENT_PAS_UTF8, position=position, saisie=shown) from None


def _known_fault(exc: Exception):
    """A fault of the machine, not of the program: a full disk said as such."""
    import sqlite3


    if isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return fail(msg.DISQUE_PLEIN)
    if isinstance(exc, OSError) and exc.errno == 28:   # ENOSPC
        return fail(msg.DISQUE_PLEIN)
    return None


def _tell(text: str, prefix: str = "") -> None:
    error(prefix, text)
