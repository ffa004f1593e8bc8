"""A full disk, however the system says it: no space left, a file-size limit (`ulimit -f`)
or a quota — each said to the consultant as a full disk (SPEC §8)."""

from __future__ import annotations

import errno
import sqlite3

FULL = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})


def is_full(exc: BaseException | None) -> bool:
    if isinstance(exc, sqlite3.Error):
        return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
    return isinstance(exc, OSError) and exc.errno in FULL
