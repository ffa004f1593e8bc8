"""Files and folders of the data folder, private to the consultant and never reached
through a link: created 0600/0700 whatever the umask."""

from __future__ import annotations

import os
import stat

from bilancli import messages as msg
from bilancli.errors import fail, os_reason


def new_private_file(path, readable: bool = False, dir_fd: int | None = None) -> int:
    """A file created anew (inside the folder `dir_fd` when given), never wider than 0600
    whatever the umask, never through a link (O_EXCL, O_NOFOLLOW): its descriptor, open for
    writing (and reading with `readable`)."""
    access = os.O_RDWR if readable else os.O_WRONLY
    return os.open(path, os.O_CREAT | os.O_EXCL | access | os.O_NOFOLLOW, 0o600, dir_fd=dir_fd)


def ensure_private_dir(path):
    """A folder of the data folder readable by the consultant alone (0700). A link in its
    place is refused: a mode changed through it would change a folder elsewhere."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        try:
            os.makedirs(path, mode=0o700, exist_ok=True)
            info = os.lstat(path)
        except OSError as exc:
            raise fail(msg.STORE_INACCESSIBLE, chemin=path, raison=os_reason(exc)) from None
    except OSError as exc:
        raise fail(msg.STORE_INACCESSIBLE, chemin=path, raison=os_reason(exc)) from None
    if stat.S_ISLNK(info.st_mode):
        raise fail(msg.CHEMIN_LIEN, chemin=path)
    if not stat.S_ISDIR(info.st_mode):
        raise fail(msg.CHEMIN_PAS_DOSSIER, chemin=path)
    if stat.S_IMODE(info.st_mode) != 0o700:
        try:
            os.chmod(path, 0o700)
        except OSError as exc:
            raise fail(msg.STORE_INACCESSIBLE, chemin=path, raison=os_reason(exc)) from None
    return path


def ensure_home(home: str, tighten: bool = True) -> None:
    """The data folder itself may be a link the consultant made (to an encrypted volume):
    it is the data folder. Created 0700 when missing; an existing one made 0700 with
    `tighten` (once its store is known to be ours: a refusal changes nothing)."""
    try:
        os.makedirs(home, mode=0o700, exist_ok=True)
        if tighten and stat.S_IMODE(os.stat(home).st_mode) != 0o700:
            os.chmod(home, 0o700)
    except OSError as exc:
        raise fail(msg.STORE_INACCESSIBLE, chemin=home, raison=os_reason(exc)) from None


def sync_dir(path: str) -> None:
    """Make the names just created or renamed in the folder `path` durable."""
    _fsync(path, os.O_RDONLY | os.O_DIRECTORY)


def sync_file(path: str) -> None:
    """Make the bytes of the file at `path` durable (never through a link)."""
    _fsync(path, os.O_RDONLY | os.O_NOFOLLOW)


def _fsync(path: str, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
