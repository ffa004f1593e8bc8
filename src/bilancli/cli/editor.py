"""Long texts: from standard input, or through the consultant's editor on a private file."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile

from bilancli import messages as msg
from bilancli.errors import fail


def read_stdin() -> str:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise fail(msg.ENTREE_ILLISIBLE) from None
    return data.rstrip("\n")


def notes_option(notes: str | None) -> str | None:
    """A `--notes` value: `-` reads standard input; blank notes are no notes."""
    if notes == "-":
        notes = read_stdin()
    return notes if notes and notes.strip() else None


def edit_text(initial: str) -> str:
    """Open $VISUAL/$EDITOR on a 0600 temporary file, deleted afterwards even on error."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise fail(msg.EDITEUR_ABSENT)
    fd, path = tempfile.mkstemp(prefix="bilan-", suffix=".md")  # mkstemp creates it 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        try:
            completed = subprocess.run([*shlex.split(editor), path], check=False)
        except FileNotFoundError:
            raise fail(msg.EDITEUR_INTROUVABLE, editeur=editor) from None
        if completed.returncode != 0:
            raise fail(msg.EDITEUR_ECHEC, editeur=editor)
        with open(path, encoding="utf-8") as handle:
            return handle.read().rstrip("\n")
    finally:
        _shred(path)


def _shred(path: str) -> None:
    """Overwrite then remove: the draft held confidential text."""
    try:
        size = os.path.getsize(path)
        with open(path, "r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        pass
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
