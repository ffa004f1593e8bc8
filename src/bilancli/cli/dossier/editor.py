"""Long texts: from standard input, or through the consultant's editor on a private draft.

The draft lives in the user's private runtime folder (`$XDG_RUNTIME_DIR`, in memory) where
there is one, else under `BILAN_HOME/brouillons/` (0700), and never outlives its command: it
is destroyed on the way out, on every signal that can be caught (INT, TERM, HUP — the
terminal window closed), and what a `kill -9` left is destroyed by the next command that
opens the store (`store.drafts`).
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager

from bilancli import messages as msg
from bilancli.errors import fail
from bilancli.store.dossier.drafts import Draft

CAUGHT = (signal.SIGTERM, signal.SIGHUP)


def read_stdin() -> str:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise fail(msg.ENTREE_ILLISIBLE) from None
    return data.rstrip("\n")


def notes_option(notes: str | None) -> str | None:
    """A `--notes` value: `-` reads standard input."""
    return read_stdin() if notes == "-" else notes


class Interrupted(KeyboardInterrupt):
    """A signal ended the command: it leaves as Ctrl-C does, drafts destroyed."""


@contextmanager
def signals_as_interruptions():
    """TERM and HUP end the command through its `finally` clauses, as Ctrl-C does."""
    def stop(signum, frame):
        raise Interrupted()

    previous = {s: signal.signal(s, stop) for s in CAUGHT}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def editor_command() -> list[str]:
    import shlex

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor or not editor.strip():
        raise fail(msg.EDITEUR_ABSENT)
    try:
        words = shlex.split(editor)
    except ValueError:
        raise fail(msg.EDITEUR_ILLISIBLE, editeur=editor) from None
    if not words:
        raise fail(msg.EDITEUR_ABSENT)
    return words


def edit_text(home: str, label: str, initial: str) -> str:
    """Open $VISUAL/$EDITOR on a private draft named `label` that starts with `initial`;
    the text as saved."""
    import subprocess


    command = editor_command()
    with signals_as_interruptions():
        draft = Draft(home, label)
        try:
            os.write(draft.fd, initial.encode("utf-8"))
            try:
                completed = subprocess.run([*command, draft.path], check=False)
            except FileNotFoundError:
                raise fail(msg.EDITEUR_INTROUVABLE, editeur=command[0]) from None
            except OSError:
                # A folder, a file that is not a program: it cannot be run.
                raise fail(msg.EDITEUR_NON_EXECUTABLE, editeur=command[0]) from None
            if completed.returncode != 0:
                raise fail(msg.EDITEUR_ECHEC, editeur=command[0])
            try:
                with open(draft.path, "rb") as handle:
                    raw = handle.read()
            except OSError:
                raise fail(msg.EDITEUR_BROUILLON_PERDU) from None
            try:
                return raw.decode("utf-8").rstrip("\n")
            except UnicodeDecodeError:
                raise fail(msg.ENTREE_ILLISIBLE) from None
        finally:
            draft.destroy()
