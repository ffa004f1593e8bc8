"""Editor drafts: in the user's private runtime folder (`$XDG_RUNTIME_DIR/bilancli-brouillons/`,
memory on Linux, the user's alone) where there is one, else under `BILAN_HOME/brouillons/`
(0700); never in a shared temporary folder. A draft is the one file in clear the editor needs
while it runs: kept off the disk where the system gives a place for it (SPEC §15).

Each draft has a folder of its own, where the editor also puts its swap and backup files,
locked by the command that made it (`flock`, released by the system when the process
dies, even by `kill -9`). Every command that writes destroys, as its first step, the draft
folders no living command holds: whatever a killed command left is gone at the next one.
A workspace marked `DECIDED` (a restore past its point of no return, `store.restore`) is
left to the restore's own finishing step: destroying it would lose the staged store.
"""

from __future__ import annotations

import fcntl
import os
import stat

from bilancli import messages as msg
from bilancli.errors import BilanError, fail
from bilancli.store.folders import DIRECTORY, open_folder
from bilancli.store.private import new_private_file
from bilancli.store.shred import open_own, shred_name, shred_tree, zero_fill

FOLDER = "brouillons"
RUNTIME_FOLDER = "bilancli-brouillons"   # in $XDG_RUNTIME_DIR
LOCK = ".verrou"
DECIDED = "PRET"   # the staged store is whole: the restore is carried through


def folder(home: str) -> str:
    return os.path.join(home, FOLDER)


def private_runtime() -> str | None:
    """`$XDG_RUNTIME_DIR` when it is the user's own private folder (a memory file system on
    Linux, emptied at logout): a folder, not a link, owned by this user, open to no one else.
    None otherwise (macOS, a system without one): drafts then stay under BILAN_HOME."""
    where = os.environ.get("XDG_RUNTIME_DIR")
    if not where or not os.path.isabs(where):
        return None
    try:
        info = os.lstat(where)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return where


def _draft_place(home: str) -> tuple[str, str]:
    """(the folder holding the drafts' folder, its name) for an editor's draft."""
    runtime = private_runtime()
    return (runtime, RUNTIME_FOLDER) if runtime else (home, FOLDER)


class Workspace:
    """A private folder under `brouillons/`, locked while its command lives: whatever a
    killed command left in it is destroyed by the next one. `brouillons/` and the folder
    are reached without following a link (`store.folders`): a link at `brouillons` is
    removed as a link, its target never touched."""

    def __init__(self, home: str, place: tuple[str, str] | None = None) -> None:
        """`place`: (the folder holding the drafts' folder, its name), `BILAN_HOME/brouillons`
        unless said."""
        self.parent, self.folder_name = place or (home, FOLDER)
        # Between creating its lock and taking it, another command may find the folder
        # unlocked and destroy it as a leftover: then it is made again, under a new name.
        for _ in range(5):
            drafts = open_folder(self.parent, self.folder_name, create=True, unlink_link=True)
            name = os.urandom(6).hex()
            try:
                os.mkdir(name, 0o700, dir_fd=drafts)
                self.folder = os.open(name, DIRECTORY, dir_fd=drafts)
            except FileNotFoundError:
                continue
            finally:
                os.close(drafts)
            try:
                self.lock = new_private_file(LOCK, readable=True, dir_fd=self.folder)
            except FileNotFoundError:
                os.close(self.folder)
                continue
            self.where = os.path.join(self.parent, self.folder_name, name)
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
        try:
            drafts = open_folder(self.parent, self.folder_name)
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
        _remove_if_empty(self.parent, self.folder_name)


class Draft(Workspace):
    """A private draft: `path` (named after what is edited), locked while it lives; in the
    user's private runtime folder where there is one (`private_runtime`)."""

    def __init__(self, home: str, label: str) -> None:
        super().__init__(home, _draft_place(home))
        name = f"{label}.md"
        self.path = os.path.join(self.where, name)
        self.fd = new_private_file(name, readable=True, dir_fd=self.folder)

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


def _remove_if_empty(home: str, name: str = FOLDER) -> None:
    """`brouillons/` itself, once nothing is left in it (never a link's target)."""
    try:
        fd = os.open(home, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        if not stat.S_ISDIR(os.lstat(name, dir_fd=fd).st_mode):
            return
        os.rmdir(name, dir_fd=fd)
    except OSError:
        pass   # not empty, or gone
    finally:
        os.close(fd)


def is_decided(where: str) -> bool:
    return os.path.isfile(os.path.join(where, DECIDED))


def _left_over(home: str, unlink_links: bool, name_of: str = FOLDER):
    """(the descriptor of `brouillons/`, a name in it, its lock) for each draft folder whose
    command is gone, the lock taken (the caller closes it); lock None for a folder without
    one (killed before it was made) and for a link or a file (never ours to follow). A link
    at `brouillons` itself is skipped — or removed as a link with `unlink_links`, for a
    command that writes —, its target never touched."""
    try:
        drafts = open_folder(home, name_of, unlink_link=unlink_links)
    except BilanError:
        return   # not a folder: `Workspace` refuses it when a draft is needed
    if drafts is None:
        return
    try:
        try:
            names = os.listdir(drafts)
        except OSError:
            names = []
        for name in names:
            try:
                opened = os.open(name, DIRECTORY, dir_fd=drafts)
            except FileNotFoundError:
                continue
            except OSError:
                yield drafts, name, None
                continue
            try:
                lock = open_own(LOCK, writable=False, dir_fd=opened)
            except OSError:
                yield drafts, name, None
                continue
            finally:
                os.close(opened)
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(lock)
                continue                   # a command still editing it
            yield drafts, name, lock
    finally:
        os.close(drafts)


def left_over(home: str):
    """(folder, its lock) for each draft folder whose command is gone, as `_left_over` finds
    them, for a command that only looks (a link at `brouillons` is left as it is)."""
    for _, name, lock in _left_over(home, unlink_links=False):
        yield os.path.join(folder(home), name), lock


def decided_left_over(home: str) -> str | None:
    """The workspace of a restore a kill cut short after its point of no return, if any:
    found without writing anything (its lock taken and released)."""
    for where, lock in left_over(home):
        if lock is not None:
            os.close(lock)
            if is_decided(where):
                return where
    return None


def destroy_left_over(home: str, finish=None) -> None:
    """Destroy the draft folders whose command is gone (their lock is free), in one pass
    through the descriptor of `brouillons/`: a link at `brouillons` is removed as a link, one
    inside it too (their targets never touched); a file with another hard link loses its name
    only. A decided restore's workspace is first carried through by `finish(where)`
    (`store.restore.finish_left_over`), or left as it is without one."""
    for drafts, name, lock in _left_over(home, unlink_links=True):
        try:
            where = os.path.join(folder(home), name)
            if lock is not None and is_decided(where):
                if finish is None:
                    continue
                finish(where)
            _destroy(drafts, name)
        finally:
            if lock is not None:
                os.close(lock)
    _remove_if_empty(home)
    runtime = private_runtime()
    if runtime is not None:   # the editor's drafts a kill left there (never a restore's)
        for drafts, name, lock in _left_over(runtime, unlink_links=True, name_of=RUNTIME_FOLDER):
            try:
                _destroy(drafts, name)
            finally:
                if lock is not None:
                    os.close(lock)
        _remove_if_empty(runtime, RUNTIME_FOLDER)


def _destroy(drafts: int, name: str) -> None:
    """A leftover of `brouillons/`: a folder and what it holds, or a link or a file removed
    as a name."""
    try:
        if stat.S_ISDIR(os.lstat(name, dir_fd=drafts).st_mode):
            shred_tree(name, strict=False, dir_fd=drafts)
        else:
            shred_name(name, drafts)
    except OSError:
        # Gone meanwhile, or the system refused a write (a file-size limit while zeroing):
        # what is left stays a leftover, destroyed by the next command that writes.
        pass
