"""Reading a file the consultant names (`doc add`, `import`): a regular file's bytes, with
its size bounded before and while it is read."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.errors import fail, os_reason
from bilancli.store.files import in_kernel_filesystem


def read_regular_file(path, check_announced, limit: int, check_read) -> bytes:
    """The bytes of a regular file, refusing what is missing, a folder, not a regular file
    (a FIFO, a device), or over the size limit: `check_announced(size, name)` refuses a
    size the system announces before any read, `limit` bytes are read at most (one more
    than allowed tells a file over the limit), `check_read(size, name)` refuses what was read."""
    import os
    import stat


    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise fail(msg.FICHIER_INTROUVABLE, fichier=path) from None
    except OSError as exc:
        raise fail(msg.FICHIER_ILLISIBLE, fichier=path, raison=os_reason(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise fail(msg.FICHIER_EST_DOSSIER, fichier=path)
        if not stat.S_ISREG(info.st_mode) or in_kernel_filesystem(path):
            raise fail(msg.FICHIER_PAS_ORDINAIRE, fichier=path)
        # Announced size first: a huge file is refused before it is read at all.
        check_announced(info.st_size, str(path))
        content = _read_at_most(fd, limit)
    except OSError as exc:
        raise fail(msg.FICHIER_ILLISIBLE, fichier=path, raison=os_reason(exc)) from None
    finally:
        os.close(fd)
    check_read(len(content), str(path))
    return content


def _read_at_most(fd: int, limit: int) -> bytes:
    import os

    chunks, left = [], limit
    while left > 0:
        chunk = os.read(fd, min(left, 1024 * 1024))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
