"""Editor drafts: under `BILAN_HOME/brouillons/` (0700), never in a shared temporary folder.

Each draft has a folder of its own, where the editor also puts its swap and backup files,
locked by the command that made it (`flock`, released by the system when the process
dies, even by `kill -9`). Every command that writes destroys, as its first step, the draft
folders no living command holds: whatever a killed command left is gone at the next one.
A workspace marked `DECIDED` (a restore past its point of no return, `store.restore`) is
left to the restore's own finishing step: destroying it would lose the staged store.
"""

from __future__ import annotations

import os

from bilancli import messages as msg
from bilancli.errors import fail
from bilancli.store.private import ensure_private_dir, new_private_file
from bilancli.store.shred import open_own, shred_name, shred_tree, zero_fill

FOLDER = "brouillons"
LOCK = ".verrou"
DECIDED = "PRET"   # the staged store is whole: the restore is carried through


def folder(home: str) -> str:
    return os.path.join(home, FOLDER)


class Workspace:
    """A private folder under `brouillons/`, locked while its command lives: whatever a
    killed command left in it is destroyed by the next one."""

    def __init__(self, home: str) -> None:
        import fcntl
        import secrets

        # Between creating its lock and taking it, another command may find the folder
        # unlocked and destroy it as a leftover: then it is made again, under a new name.
        for _ in range(5):
            try:
                ensure_private_dir(folder(home))
                self.where = ensure_private_dir(os.path.join(folder(home), secrets.token_hex(6)))
                self.lock = new_private_file(os.path.join(self.where, LOCK), readable=True)
            except FileNotFoundError:
                continue
            fcntl.flock(self.lock, fcntl.LOCK_EX)
            if os.fstat(self.lock).st_nlink and os.path.isdir(self.where):
                return
            os.close(self.lock)
        raise fail(msg.STORE_OCCUPE)

    def destroy(self) -> None:
        shred_tree(self.where, strict=False)
        os.close(self.lock)
        try:
            os.rmdir(os.path.dirname(self.where))   # nothing left: no folder either
        except OSError:
            pass


class Draft(Workspace):
    """A private draft: `path` (named after what is edited), locked while it lives."""

    def __init__(self, home: str, label: str) -> None:
        super().__init__(home)
        self.path = os.path.join(self.where, f"{label}.md")
        self.fd = new_private_file(self.path, readable=True)

    def destroy(self) -> None:
        try:
            # The editor may have saved under a new file: the first one's bytes go too.
            zero_fill(self.fd, os.fstat(self.fd).st_size)
        except OSError:
            pass
        os.close(self.fd)
        super().destroy()


def is_decided(where: str) -> bool:
    return os.path.isfile(os.path.join(where, DECIDED))


def left_over(home: str):
    """(folder, its lock, held) for each draft folder whose command is gone, the lock taken
    (the caller closes it); the folders without a lock (killed before it was made) and what
    is not a folder are given with lock None."""
    import fcntl

    try:
        names = os.listdir(folder(home))
    except OSError:
        return
    for name in names:
        where = os.path.join(folder(home), name)
        if os.path.islink(where) or not os.path.isdir(where):
            yield where, None
            continue
        try:
            lock = open_own(os.path.join(where, LOCK), writable=False)
        except OSError:
            yield where, None
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(lock)
            continue                   # a command still editing it
        yield where, lock


def decided_left_over(home: str) -> str | None:
    """The workspace of a restore a kill cut short after its point of no return, if any:
    found without writing anything (its lock taken and released)."""
    for where, lock in left_over(home):
        if lock is not None:
            os.close(lock)
            if is_decided(where):
                return where
    return None


def destroy_left_over(home: str) -> None:
    """Destroy the draft folders whose command is gone (their lock is free), except a
    decided restore's (`store.restore.finish_left_over` finishes it first)."""
    for where, lock in left_over(home):
        if lock is None:
            if os.path.islink(where) or not os.path.isdir(where):
                shred_name(where)
            else:
                shred_tree(where, strict=False)     # killed before its lock was made
            continue
        try:
            if not is_decided(where):
                shred_tree(where, strict=False)
        finally:
            os.close(lock)
    try:
        os.rmdir(folder(home))   # nothing left: no folder either
    except OSError:
        pass
