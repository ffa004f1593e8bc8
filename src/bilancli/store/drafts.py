"""Editor drafts: under `BILAN_HOME/brouillons/` (0700), never in a shared temporary folder.

Each draft has a folder of its own, where the editor also puts its swap and backup files,
locked by the command that made it (`flock`, released by the system when the process
dies, even by `kill -9`). Every command that opens the store destroys the draft folders no
living command holds: whatever a killed command left is gone at the next one.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import stat

from bilancli import messages as msg
from bilancli.errors import BilanError, fail
from bilancli.store.folders import DIRECTORY, open_folder
from bilancli.store.shred import open_own, shred_name, shred_tree, zero_fill

FOLDER = "brouillons"
LOCK = ".verrou"


def folder(home: str) -> str:
    return os.path.join(home, FOLDER)


class Workspace:
    """A private folder under `brouillons/`, locked while its command lives: whatever a
    killed command left in it is destroyed by the next one. `brouillons/` and the folder
    are reached without following a link (`store.folders`): a link at `brouillons` is
    removed as a link, its target never touched."""

    def __init__(self, home: str) -> None:
        # Between creating its lock and taking it, another command may find the folder
        # unlocked and destroy it as a leftover: then it is made again, under a new name.
        for _ in range(5):
            drafts = open_folder(home, FOLDER, create=True, unlink_link=True)
            name = secrets.token_hex(6)
            try:
                os.mkdir(name, 0o700, dir_fd=drafts)
                self.folder = os.open(name, DIRECTORY, dir_fd=drafts)
            except FileNotFoundError:
                continue
            finally:
                os.close(drafts)
            try:
                self.lock = os.open(LOCK, os.O_CREAT | os.O_EXCL | os.O_RDWR | os.O_NOFOLLOW, 0o600,
                                    dir_fd=self.folder)
            except FileNotFoundError:
                os.close(self.folder)
                continue
            self.where = os.path.join(folder(home), name)
            fcntl.flock(self.lock, fcntl.LOCK_EX)
            if os.fstat(self.lock).st_nlink and os.fstat(self.folder).st_nlink:
                return
            os.close(self.lock)
            os.close(self.folder)
        raise fail(msg.STORE_OCCUPE)

    def destroy(self) -> None:
        try:
            for name in os.listdir(self.folder):
                shred_tree(name, strict=False, dir_fd=self.folder)
        except OSError:
            pass
        os.close(self.lock)
        os.close(self.folder)
        home = os.path.dirname(os.path.dirname(self.where))
        try:
            drafts = open_folder(home, FOLDER)
        except BilanError:
            return
        if drafts is None:
            return
        try:
            os.rmdir(os.path.basename(self.where), dir_fd=drafts)
        except OSError:
            pass
        finally:
            os.close(drafts)
        _remove_if_empty(home)


class Draft(Workspace):
    """A private draft: `path` (named after what is edited), locked while it lives."""

    def __init__(self, home: str, label: str) -> None:
        super().__init__(home)
        name = f"{label}.md"
        self.path = os.path.join(self.where, name)
        self.fd = os.open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR | os.O_NOFOLLOW, 0o600,
                          dir_fd=self.folder)

    def destroy(self) -> None:
        try:
            # The editor may have saved under a new file: the first one's bytes go too,
            # unless another name was given to them meanwhile (never written into then).
            opened = os.fstat(self.fd)
            if opened.st_nlink <= 1:
                zero_fill(self.fd, opened.st_size)
        except OSError:
            pass
        os.close(self.fd)
        super().destroy()


def _remove_if_empty(home: str) -> None:
    """`brouillons/` itself, once nothing is left in it (never a link's target)."""
    try:
        fd = os.open(home, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        if not stat.S_ISDIR(os.lstat(FOLDER, dir_fd=fd).st_mode):
            return
        os.rmdir(FOLDER, dir_fd=fd)
    except OSError:
        pass   # not empty, or gone
    finally:
        os.close(fd)


def destroy_left_over(home: str) -> None:
    """Destroy the draft folders whose command is gone (their lock is free), once a restore
    a kill cut short after its point of no return is finished (`store.restore.finish`).
    Never through a link: a link at `brouillons` is removed as a link, one inside it too
    (their targets never touched); a file with another hard link loses its name only."""
    try:
        drafts = open_folder(home, FOLDER, unlink_link=True)
    except BilanError:
        return   # not a folder: `Workspace` refuses it when a draft is needed
    if drafts is None:
        return
    try:
        names = os.listdir(drafts)
    except OSError:
        names = []
    try:
        for name in names:
            try:
                where = os.open(name, DIRECTORY, dir_fd=drafts)
            except FileNotFoundError:
                continue
            except OSError:
                shred_name(name, drafts)   # a link, or a file: never ours to follow
                continue
            try:
                _destroy_if_left(home, drafts, name, where)
            finally:
                os.close(where)
    finally:
        os.close(drafts)
    _remove_if_empty(home)


def _destroy_if_left(home: str, drafts: int, name: str, where: int) -> None:
    """The draft folder `name` (open as `where`) when no living command holds its lock."""
    try:
        lock = open_own(LOCK, writable=False, dir_fd=where)
    except OSError:
        shred_tree(name, strict=False, dir_fd=drafts)     # killed before its lock was made
        return
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        return                   # a command still editing it
    try:
        from bilancli.store import restore

        path = os.path.join(folder(home), name)
        if restore.is_ready(path):   # a restore decided, cut short by a kill
            restore.finish(home, path)
        shred_tree(name, strict=False, dir_fd=drafts)
    finally:
        os.close(lock)
