"""Files written beside the store: private (0600 in 0700 folders), never half-written."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bilancli import messages as msg
from bilancli.errors import fail, os_reason
from bilancli.store.db import ensure_private_dir


@dataclass
class PendingFile:
    """Bytes already on disk under a temporary name; `commit()` gives them their real name."""

    target: Path
    temp: Path | None
    sha256: str

    def commit(self) -> None:
        try:
            os.replace(self.temp, self.target)
        except OSError as exc:
            raise fail(msg.ECRITURE_IMPOSSIBLE, fichier=self.target, raison=os_reason(exc)) from None
        self.temp = None

    def discard(self) -> None:
        if self.temp is not None:
            self.temp.unlink(missing_ok=True)
            self.temp = None


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
    """Inside BILAN_HOME only documents/ takes output; symlinks and `..` are resolved first."""
    where = target.resolve()
    root = Path(home).resolve()
    documents = (Path(home) / "documents").resolve()
    protected = {root / name for name in _STORE_FILES}
    inside_documents = where.is_relative_to(documents) and where != documents
    # documents/ itself could be a link back into the data folder: the named files stay protected.
    if (where.is_relative_to(root) and not inside_documents) or where in protected \
            or where.is_relative_to(root / "templates"):
        raise fail(msg.SORTIE_DANS_LES_DONNEES, fichier=target, dossier=home)


def stage(target: Path, data: bytes, home: str | Path) -> PendingFile:
    """Write `data` to a private temporary file beside `target` (same folder: the rename is atomic)."""
    check_output_path(target, home)
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise fail(msg.ECRITURE_IMPOSSIBLE, fichier=target, raison=os_reason(exc)) from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), 0o600)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise fail(msg.ECRITURE_IMPOSSIBLE, fichier=target, raison=os_reason(exc)) from None
    return PendingFile(target, temp, hashlib.sha256(data).hexdigest())


def document_folder(home: str | Path, bilan_id: str) -> Path:
    """`documents/ID/`, private, where a bilan's rendered files go by default."""
    return ensure_private_dir(ensure_private_dir(Path(home) / "documents") / bilan_id)


def recorded_path(home: str | Path, target: Path) -> str:
    """Relative to BILAN_HOME when the file is inside it (the folder may move), absolute otherwise."""
    absolute = target.resolve()
    try:
        return absolute.relative_to(Path(home).resolve()).as_posix()
    except ValueError:
        return str(absolute)
