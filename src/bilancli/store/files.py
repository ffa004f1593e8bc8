"""Files written beside the store: private (0600 in 0700 folders), never half-written, and
known to the purge before they exist.

A file that holds content is recorded first — its name and the temporary name it is
written under, with the hash of its bytes —, written second (under the temporary name,
then renamed), and confirmed third. A command killed at any instant leaves nothing the
purge does not know. Nothing is ever written through a link: the temporary file is
created anew (O_EXCL, O_NOFOLLOW) and the rename replaces whatever name was at the
target, a link included, without following it.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections import namedtuple
from pathlib import Path

from bilancli import messages as msg
from bilancli.errors import fail, os_reason
from bilancli.store.db import ensure_private_dir, new_private_file


class Output(namedtuple("Output", "target temp path temp_path sha256")):
    """Where a file goes: its `target` and `temp` on disk, both as recorded (`path`,
    `temp_path`: relative to BILAN_HOME inside it, absolute outside), its bytes' hash."""

    __slots__ = ()


def check_output_path(target: Path, home: str | Path) -> None:
    """Refuse before any work: a folder that does not exist, a folder given as the file, or a
    file of the data folder itself (the store, its journals, config.toml, templates/)."""
    _check_outside_store(target, home)
    if target.is_dir():
        raise fail(msg.FICHIER_EST_DOSSIER, fichier=target)
    if not target.parent.is_dir():
        raise fail(msg.DOSSIER_SORTIE_ABSENT, fichier=target)


# Beside the database: SQLite's journals, which a replaced file would corrupt as surely.
_STORE_FILES = ("bilans.db", "bilans.db-journal", "bilans.db-wal", "bilans.db-shm", "config.toml")


def _check_outside_store(target: Path, home: str | Path) -> None:
    """Inside BILAN_HOME only documents/ takes output; links and `..` are resolved first."""
    where = target.resolve()
    root = Path(home).resolve()
    documents = (Path(home) / "documents").resolve()
    protected = {root / name for name in _STORE_FILES}
    inside_documents = where.is_relative_to(documents) and where != documents
    # documents/ itself could be a link back into the data folder: the named files stay protected.
    if (where.is_relative_to(root) and not inside_documents) or where in protected \
            or where.is_relative_to(root / "templates"):
        raise fail(msg.SORTIE_DANS_LES_DONNEES, fichier=target, dossier=home)


def prepare(target: Path, data: bytes, home: str | Path) -> Output:
    """Check the target and choose the temporary name; nothing is written yet."""
    check_output_path(target, home)
    temp = target.parent / f".{target.name}.{secrets.token_hex(4)}.bilan-tmp"
    return Output(target, temp, recorded_path(home, target), recorded_path(home, temp),
                  hashlib.sha256(data).hexdigest())


def write(output: Output, data: bytes) -> None:
    """Write `data` under the temporary name, then give it its name; on failure nothing
    stays, not even the temporary file. The file it replaces is overwritten first, so
    that an earlier rendering's bytes do not outlive its name."""
    from bilancli.store.shred import shred_name, zero_in_place

    try:
        fd = new_private_file(output.temp)
    except OSError as exc:
        raise fail(msg.ECRITURE_IMPOSSIBLE, fichier=output.target, raison=os_reason(exc)) from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        zero_in_place(output.target)   # the file it replaces: freed with nothing in it
        os.replace(output.temp, output.target)
    except BaseException as exc:   # an interruption (Ctrl-C) too: the temporary file goes
        shred_name(output.temp)
        if not isinstance(exc, OSError):
            raise
        if exc.errno == 28:   # ENOSPC
            raise fail(msg.DISQUE_PLEIN_FICHIER, fichier=output.target) from None
        raise fail(msg.ECRITURE_IMPOSSIBLE, fichier=output.target, raison=os_reason(exc)) from None


def discard(output: Output) -> None:
    """Whatever a writing cut short left (an interruption, a purge that came meanwhile): its
    temporary file, and the file at its name when it holds the bytes written there."""
    from bilancli.store.shred import open_own, sha256_of, shred_name

    shred_name(output.temp)
    try:
        fd = open_own(output.target, writable=False)
    except OSError:
        return
    try:
        ours = sha256_of(fd) == output.sha256
    finally:
        os.close(fd)
    if ours:
        shred_name(output.target)


def document_folder(home: str | Path, bilan_id: str) -> Path:
    """`documents/ID/`, private, where a bilan's rendered files go by default."""
    ensure_private_dir(os.path.join(home, "documents"))
    return Path(ensure_private_dir(os.path.join(home, "documents", bilan_id)))


def recorded_path(home: str | Path, target: Path) -> str:
    """The path as written: its folder resolved, its own name never followed (a link there
    is replaced by the file, not written through). Relative to BILAN_HOME when the file is
    inside it (the folder may move), absolute otherwise."""
    absolute = target.parent.resolve() / target.name
    try:
        return absolute.relative_to(Path(home).resolve()).as_posix()
    except ValueError:
        return str(absolute)
