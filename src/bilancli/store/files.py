"""Files written beside the store: private (0600 in 0700 folders), never half-written, and
known to the purge before they exist.

A file that holds content is recorded first — its name and the temporary name it is
written under, with the hash of its bytes —, written second (under the temporary name,
then renamed), and confirmed third. A command killed at any instant leaves nothing the
purge does not know. Nothing is ever written through a link: the temporary file is
created anew (O_EXCL, O_NOFOLLOW) and the rename replaces whatever name was at the
target, a link included, without following it.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import namedtuple
from pathlib import Path

from bilancli import messages as msg
from bilancli.errors import BilanError, fail, os_reason
from bilancli.store.folders import link_on_the_way, open_folder
from bilancli.store.private import new_private_file
from bilancli.store.shred import open_own, sha256_of, shred_name, zero_in_place


class Output(namedtuple("Output", "target temp path temp_path sha256 home", defaults=(None,))):
    """Where a file goes: its `target` and `temp` on disk, both as recorded (`path`,
    `temp_path`: relative to BILAN_HOME inside it, absolute outside), its bytes' hash, and
    the `home` it was checked against."""

    __slots__ = ()


def check_output_path(target: Path, home: str | Path) -> None:
    """Refuse before any work: a folder that does not exist, a folder given as the file, a
    file of the data folder itself (the store, its journals, config.toml, templates/), a
    link met inside the data folder on the way, and anything but a regular file at the
    name (a device, a FIFO, a socket, a file of /proc: replaced, it would be lost)."""
    _check_outside_store(target, home)
    link = link_on_the_way(home, target)
    if link is not None:
        raise fail(msg.CHEMIN_LIEN, chemin=link)
    if target.is_dir():
        raise fail(msg.FICHIER_EST_DOSSIER, fichier=target)
    if not target.parent.is_dir():
        raise fail(msg.DOSSIER_SORTIE_ABSENT, fichier=target)
    _check_regular(target)


# Not files but the kernel's windows on processes and the machine: nothing is written there
# (/dev/stdout and /proc/self/fd/N lead here too). A device elsewhere is refused by its type.
_PSEUDO_FILESYSTEMS = (Path("/proc"), Path("/sys"))


def in_kernel_filesystem(path) -> bool:
    """Whether `path` leads into /proc or /sys: the kernel's windows on processes and the
    machine, never a file a consultant means to hand in (`/proc/self/environ`)."""
    where = Path(os.path.realpath(path))
    return any(where.is_relative_to(p) for p in _PSEUDO_FILESYSTEMS)


def _reaches_pseudo_filesystem(path: Path, hops: int = 40) -> bool:
    """Whether a link's target, or any link after it, names a place in /proc or /sys: the
    last of them resolves to the file a process writes to, which is not ours to replace."""
    for _ in range(hops):
        if any(path.is_relative_to(p) or path.parent.resolve().is_relative_to(p)
               for p in _PSEUDO_FILESYSTEMS):
            return True
        try:
            following = os.readlink(path)
        except OSError:
            return False   # not a link (or gone): the chain ends here
        path = Path(os.path.normpath(path.parent / following))
    return True   # a chain longer than the system follows: refused as it would be there


def _check_regular(target: Path, dir_fd: int | None = None, name: str | None = None) -> None:
    """What stands at the name is absent, a regular file, or a link to one (replaced by the
    file, never written through); anything else is refused and left as it was."""
    where = target.resolve()
    if any(where.is_relative_to(p) for p in _PSEUDO_FILESYSTEMS) \
            or any(target.parent.resolve().is_relative_to(p) for p in _PSEUDO_FILESYSTEMS):
        raise fail(msg.SORTIE_PAS_UN_FICHIER, fichier=target)
    try:
        info = os.lstat(name if dir_fd is not None else target, dir_fd=dir_fd)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise fail(msg.ECRITURE_IMPOSSIBLE, fichier=target, raison=os_reason(exc)) from None
    if stat.S_ISLNK(info.st_mode):
        named = Path(os.path.normpath(target.parent / os.readlink(
            name if dir_fd is not None else target, dir_fd=dir_fd)))
        if _reaches_pseudo_filesystem(named):
            raise fail(msg.SORTIE_PAS_UN_FICHIER, fichier=target)
        try:
            info = os.stat(name if dir_fd is not None else target, dir_fd=dir_fd)
        except OSError:
            return   # a dangling link: replaced by the file
    if stat.S_ISDIR(info.st_mode):
        raise fail(msg.FICHIER_EST_DOSSIER, fichier=target)
    if not stat.S_ISREG(info.st_mode):
        raise fail(msg.SORTIE_PAS_UN_FICHIER, fichier=target)


# Beside the database: SQLite's journals, which a replaced file would corrupt as surely.
_STORE_FILES = ("bilans.db", "bilans.db-journal", "bilans.db-wal", "bilans.db-shm", "config.toml")


def _check_outside_store(target: Path, home: str | Path) -> None:
    """Inside BILAN_HOME only documents/ takes output; links and `..` are resolved first."""
    where = target.resolve()
    root = Path(home).resolve()
    documents = (Path(home) / "documents").resolve()
    protected = {root / name for name in _STORE_FILES}
    inside_documents = where.is_relative_to(documents) and where != documents
    # documents/ itself could be a link back into the data folder: the named files stay protected.
    if (where.is_relative_to(root) and not inside_documents) or where in protected \
            or where.is_relative_to(root / "templates"):
        raise fail(msg.SORTIE_DANS_LES_DONNEES, fichier=target, dossier=home)


def prepare(target: Path, data: bytes, home: str | Path) -> Output:
    """Check the target and choose the temporary name; nothing is written yet."""
    import hashlib  # here, as in shred: the commands that write no file do not load OpenSSL

    check_output_path(target, home)
    temp = target.parent / f".{target.name}.{os.urandom(4).hex()}.bilan-tmp"
    return Output(target, temp, recorded_path(home, target), recorded_path(home, temp),
                  hashlib.sha256(data).hexdigest(), os.fspath(home))


def write(output: Output, data: bytes) -> None:
    """Write `data` under the temporary name, then give it its name; on failure nothing
    stays, not even the temporary file. The file it replaces is overwritten first, so
    that an earlier rendering's bytes do not outlive its name. Inside the data folder the
    folder is reached without following a link (`store.folders`); everything is then done
    through its descriptor, and what stands at the name is checked again just before the
    rename, which would replace a device or a FIFO put there meanwhile."""

    folder = _open_parent(output)
    name, temp = output.target.name, output.temp.name
    try:
        try:
            fd = new_private_file(temp, dir_fd=folder)
        except OSError as exc:
            raise _write_failure(output, exc) from None
        try:
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
                os.fsync(fd)
            finally:
                os.close(fd)
            _check_regular(output.target, folder, name)
            zero_in_place(name, folder)   # the file it replaces: freed with nothing in it
            os.replace(temp, name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException as exc:   # an interruption (Ctrl-C) too: the temporary file goes
            shred_name(temp, folder)
            if not isinstance(exc, OSError):
                raise
            raise _write_failure(output, exc) from None
    finally:
        os.close(folder)


def _write_failure(output: Output, exc: OSError):
    """A full disk, a quota or a file-size limit said as such; any other refusal named."""
    if exc.errno == errno.ENOSPC:
        return fail(msg.DISQUE_PLEIN_FICHIER, fichier=output.target)
    if exc.errno in (errno.EDQUOT, errno.EFBIG):   # said like a full disk, truly
        return fail(msg.FICHIER_SANS_PLACE, fichier=output.target, cause=os_reason(exc))
    return fail(msg.ECRITURE_IMPOSSIBLE, fichier=output.target, raison=os_reason(exc))


def _open_parent(output: Output) -> int:
    """The target's folder, open: inside BILAN_HOME reached name by name without following
    a link (its path is recorded relative to it); elsewhere as the consultant named it."""
    if not os.path.isabs(output.path) and output.home is not None:
        fd = open_folder(output.home, *Path(output.path).parent.parts)
        if fd is None:
            raise fail(msg.DOSSIER_SORTIE_ABSENT, fichier=output.target)
        return fd
    try:
        return os.open(output.target.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise fail(msg.ECRITURE_IMPOSSIBLE, fichier=output.target, raison=os_reason(exc)) from None


def discard(output: Output) -> None:
    """Whatever a writing cut short left (an interruption, a purge that came meanwhile): its
    temporary file, and the file at its name when it holds the bytes written there; through
    the folder's descriptor, reached as `write` reaches it (a link met there: nothing is
    touched, the purge still knows both names)."""

    try:
        folder = _open_parent(output)
    except BilanError:
        return
    try:
        name = output.target.name
        shred_name(output.temp.name, folder)
        try:
            fd = open_own(name, writable=False, dir_fd=folder)
        except OSError:
            return
        try:
            ours = sha256_of(fd) == output.sha256
        finally:
            os.close(fd)
        if ours:
            shred_name(name, folder)
    finally:
        os.close(folder)


def document_folder(home: str | Path, bilan_id: str) -> Path:
    """`documents/ID/`, private, where a bilan's rendered files go by default; a link at
    either name is refused (`CHEMIN_LIEN`), its target never touched."""
    os.close(open_folder(home, "documents", bilan_id, create=True))
    return Path(home) / "documents" / bilan_id


def recorded_path(home: str | Path, target: Path) -> str:
    """The path as written: its folder resolved, its own name never followed (a link there
    is replaced by the file, not written through). Relative to BILAN_HOME when the file is
    inside it (the folder may move), absolute otherwise."""
    absolute = target.parent.resolve() / target.name
    try:
        return absolute.relative_to(Path(home).resolve()).as_posix()
    except ValueError:
        return str(absolute)
