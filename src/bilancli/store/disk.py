"""A full disk, however the system says it: no space left, a file-size limit (`ulimit -f`)
or a quota — each said to the consultant as a full disk (SPEC §8)."""

from __future__ import annotations

import errno
import os
import resource
import sqlite3

from bilancli.errors import NoRoom

FULL = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
ROOM = 1 << 20   # less free than this under a failed write: the disk is full


def is_full(exc: BaseException | None, where: str | None = None) -> bool:
    """Whether `exc` says there is no room. SQLite says SQLITE_FULL for a full disk only; a
    file-size limit or a quota reaches it as a plain write error (its errno is not kept):
    for a write error into the folder `where`, a file-size limit in force or a folder with
    no room left tells it. The store says a quota or a file-size limit it met as `NoRoom`."""
    if isinstance(exc, NoRoom):
        return True
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code == sqlite3.SQLITE_FULL:
            return True
        return code is not None and code & 0xFF == sqlite3.SQLITE_IOERR and where is not None \
            and _no_room(where)
    return isinstance(exc, OSError) and exc.errno in FULL


def _no_room(where: str) -> bool:
    if resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY:
        return True
    try:
        info = os.statvfs(where)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < ROOM
