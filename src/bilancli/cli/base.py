"""What every command shares: where the data is, what day it is, the store of this run,
and the two ways to speak (a confirmation line, one JSON document)."""

from __future__ import annotations

import sys
from contextlib import contextmanager

from bilancli import messages as msg
from bilancli.cli import console
from bilancli.cli.console import warning
from bilancli.core.conservation.retention import settings_from_config
from bilancli.core.dates import parse_date
from bilancli.core.formats import clean
from bilancli.core.ids import parse_id
from bilancli.errors import fail
from bilancli.services import session
from bilancli.settings import load_config, resolve_home
from bilancli.settings import today as _today
from bilancli.store.db import Store
from bilancli.store import files
from bilancli.store.dossier import bilans


class _RunState:
    """This run's `--home` and, for the tests that run `bilan` in-process, the refusal it
    ended with (its message key says which one)."""

    home_option: str | None = None
    last_error = None
    told_home_missing = False

    def reset(self) -> None:
        self.home_option = None
        self.last_error = None
        console.reset()
        self.told_home_missing = False


state = _RunState()


def home() -> str:
    return resolve_home(state.home_option)


def today():
    return _today()


def config():
    """config.toml, checked whole: a setting the law forbids (`[conservation]`, R6313-7) is
    refused by every command that reads the settings, even when nothing is due."""

    loaded = load_config(home())
    settings_from_config(loaded.conservation, today())
    return loaded


def retention_settings():
    """`[conservation]` as the retention rules read it (checked by `config`)."""

    return settings_from_config(config().conservation, today())


def output_option(text: str | None):
    """`-o`: absent (None), the standard output ("-"), or a file's path; blank is refused."""
    if text is None or text == "-":
        return text
    if not text.strip():
        raise fail(msg.SORTIE_VIDE)
    from pathlib import Path

    return Path(text)


def bytes_output(text: str | None, on_a_terminal):
    """`-o` of a command giving bytes back as stored (a stored document, the signed
    convention): a file's path, checked as every output is; else None, the standard output,
    refused (`on_a_terminal`, the caller's refusal) when it is a terminal."""
    chosen = output_option(text)
    if chosen is None or chosen == "-":
        if chosen is None and sys.stdout.isatty():
            raise on_a_terminal
        return None
    files.check_output_path(chosen, home())
    return chosen


def parse_date_option(text: str | None):
    """A date option, defaulting to today."""
    if text is None:
        return today()

    return parse_date(text, today())


@contextmanager
def reading():
    """The store of this run, for a command that only reads: never created (where none
    exists yet, a mistyped `--home`, an empty one in memory), nothing written anywhere.
    Opened here rather than by `services.session`, which a read command need not load."""
    import os


    where = home()
    if not os.path.lexists(where) and not state.told_home_missing:
        # A mistyped `--home` is not an empty practice (SPEC §8): said once, on stderr.

        state.told_home_missing = True
        warn(msg.DOSSIER_DONNEES_ABSENT.format(dossier=where))
    store = Store(where, create=False, writable=False)
    try:
        yield store
    finally:
        store.close()


def existing():
    """The store of this run for a command that writes only into a store that exists (the
    purge), once what a killed command left is settled."""

    return session.existing(home())


def settle() -> None:
    """The first step of every command that writes (`services.session.settle`)."""

    session.settle(home())


def writing():
    """One all-or-nothing transaction of this run: `tx.load(id)` gives a bilan's snapshot,
    `tx.apply(change)` writes what `core/` decided."""

    return session.writing(home())


def read_bilan(bilan_id: str, content: bool = True):
    """The snapshot of one bilan, for a command that only reads it; `content=False` for one
    that shows none: nothing opened, no key read (`bilans.load`)."""

    wanted = parse_id(bilan_id)
    with reading() as store:
        return bilans.load(store.conn, wanted, store.keys, content)


def print_json(data) -> None:
    """One compact document: with `indent`, json falls back to its pure-Python encoder,
    ten times slower on the thousands of rows of a large store."""
    import json  # here: the human views do not need it

    # No cycle can hide in what a command returns: the check per object is work for nothing.
    sys.stdout.write(json.dumps(data, ensure_ascii=False, check_circular=False) + "\n")


def say(text: str) -> None:
    """A French confirmation line; the user text in it is shown neutralised."""

    sys.stdout.write(clean(text, keep_newlines=True) + "\n")


def warn(text: str) -> None:
    """A warning on stderr, drawn by rich: the command went ahead."""

    warning(msg.PREFIX_AVERTISSEMENT, text)


def confirm(question: str, without_terminal: str, declined: str, is_terminal=None) -> None:
    """Ask on a terminal before something that cannot be undone; refuse without one (a cron
    job says --yes) and on anything but yes."""

    if not (is_terminal or sys.stdin.isatty)():
        raise fail(without_terminal)
    sys.stderr.write(question)
    sys.stderr.flush()
    if sys.stdin.readline().strip().lower() not in ("o", "oui", "y", "yes"):
        raise fail(declined)
