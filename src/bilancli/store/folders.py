"""The folders bilan owns inside BILAN_HOME (`brouillons/`, `cache/`, `documents/`,
`documents/ID/`), reached one name at a time from the data folder, never through a link.

Each step opens the next folder relative to the one before (`dir_fd`) with `O_NOFOLLOW`
and `O_DIRECTORY`: a link planted at any step, even between a check and a use, makes the
open fail instead of leading elsewhere. What is then done inside goes through the folder's
descriptor, so the name cannot be swapped for a link under the command's feet. The data
folder itself may be a link the consultant made (to an encrypted volume): it is the data
folder (`store.private.ensure_home`).
"""

from __future__ import annotations

import errno
import os
import stat

from bilancli import messages as msg
from bilancli.errors import fail, os_reason

DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def open_folder(home, *names: str, create: bool = False, unlink_link: bool = False) -> int | None:
    """The descriptor of `home/names…`, each name opened without following a link; the
    caller closes it. A missing folder is made (0700) with `create`, else None is returned.
    A link found on the way is removed as a link with `unlink_link` (where bilan owns the
    name and what it held is scratch: drafts, cache), refused otherwise (`CHEMIN_LIEN`);
    its target is never touched. Something else than a folder is refused."""
    try:
        fd = os.open(home, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if create:
            raise fail(msg.STORE_INACCESSIBLE, chemin=home,
                       raison=msg.RAISONS_SYSTEME["ENOENT"]) from None
        return None
    except OSError as exc:
        raise fail(msg.STORE_INACCESSIBLE, chemin=home, raison=os_reason(exc)) from None
    path = os.fspath(home)
    try:
        for name in names:
            path = os.path.join(path, name)
            child = _open_child(fd, name, path, create, unlink_link)
            os.close(fd)
            fd = child
            if fd is None:
                return None
    except BaseException:
        if fd is not None:
            os.close(fd)
        raise
    return fd


def _open_child(parent: int, name: str, path: str, create: bool, unlink_link: bool) -> int | None:
    for _ in range(3):   # made or unlinked meanwhile by another command: look again
        try:
            fd = os.open(name, DIRECTORY, dir_fd=parent)
        except FileNotFoundError:
            if not create:
                return None
            try:
                os.mkdir(name, 0o700, dir_fd=parent)
            except FileExistsError:
                pass
            except OSError as exc:
                raise fail(msg.STORE_INACCESSIBLE, chemin=path, raison=os_reason(exc)) from None
            continue
        except OSError as exc:
            if exc.errno not in (errno.ELOOP, errno.ENOTDIR):
                raise fail(msg.STORE_INACCESSIBLE, chemin=path, raison=os_reason(exc)) from None
            try:
                info = os.lstat(name, dir_fd=parent)
            except FileNotFoundError:
                continue
            if not stat.S_ISLNK(info.st_mode):
                raise fail(msg.CHEMIN_PAS_DOSSIER, chemin=path) from None
            if not unlink_link:
                raise fail(msg.CHEMIN_LIEN, chemin=path) from None
            try:
                os.unlink(name, dir_fd=parent)   # the link itself, never what it names
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise fail(msg.STORE_INACCESSIBLE, chemin=path, raison=os_reason(exc)) from None
            if not create:
                return None
            continue
        if create:
            try:
                if stat.S_IMODE(os.fstat(fd).st_mode) != 0o700:
                    os.fchmod(fd, 0o700)
            except OSError as exc:
                os.close(fd)
                raise fail(msg.STORE_INACCESSIBLE, chemin=path, raison=os_reason(exc)) from None
        return fd
    raise fail(msg.STORE_OCCUPE)


def link_on_the_way(home, path) -> str | None:
    """The first link lying inside `home` met on the way to `path`'s folder, each name as
    written (`..` included) followed as the system would; None when there is none. Links
    outside the data folder are the consultant's own and are followed."""
    root = os.path.realpath(home)
    path = os.fspath(path)
    current = os.sep if os.path.isabs(path) else os.path.realpath(os.getcwd())
    for name in os.path.dirname(path).split(os.sep):
        if name in ("", "."):
            continue
        if name == "..":
            current = os.path.dirname(current)
            continue
        step = os.path.join(current, name)
        try:
            info = os.lstat(step)
        except OSError:
            return None   # a missing folder: the caller says so
        if stat.S_ISLNK(info.st_mode):
            if os.path.commonpath([root, current]) == root:
                return step
            current = os.path.realpath(step)
        else:
            current = step
    return None
