"""Files written beside the store: private (0600 in 0700 folders), never half-written."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bilancli import messages as msg
from bilancli.errors import fail
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
            raise fail(msg.ECRITURE_IMPOSSIBLE, fichier=self.target, raison=exc.strerror or exc) from None
        self.temp = None

    def discard(self) -> None:
        if self.temp is not None:
            self.temp.unlink(missing_ok=True)
            self.temp = None


def check_output_path(target: Path) -> None:
    """Refuse before any work: a folder that does not exist, or a folder given as the file."""
    if target.is_dir():
        raise fail(msg.FICHIER_EST_DOSSIER, fichier=target)
    if not target.parent.is_dir():
        raise fail(msg.DOSSIER_SORTIE_ABSENT, fichier=target)


def stage(target: Path, data: bytes) -> PendingFile:
    """Write `data` to a private temporary file beside `target` (same folder: the rename is atomic)."""
    check_output_path(target)
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise fail(msg.ECRITURE_IMPOSSIBLE, fichier=target, raison=exc.strerror or exc) from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            os.fchmod(out.fileno(), 0o600)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise fail(msg.ECRITURE_IMPOSSIBLE, fichier=target, raison=exc.strerror or exc) from None
    return PendingFile(target, temp, hashlib.sha256(data).hexdigest())


def document_folder(home: Path, bilan_id: str) -> Path:
    """`documents/ID/`, private, where a bilan's rendered files go by default."""
    return ensure_private_dir(ensure_private_dir(home / "documents") / bilan_id)


def recorded_path(home: Path, target: Path) -> str:
    """Relative to BILAN_HOME when the file is inside it (the folder may move), absolute otherwise."""
    absolute = target.resolve()
    try:
        return absolute.relative_to(home.resolve()).as_posix()
    except ValueError:
        return str(absolute)
