"""The calendar of `bilan calendrier` kept under BILAN_HOME/cache while its events do not
change: a phone or Outlook polls the same calendar every few minutes, and icalendar costs
more than the rest of the command. Never with names (`--noms`): the cache holds bilan ids,
days, times and modalities, no name and no content. `cache/` and the kept file are reached
without following a link (a link there is removed as a link)."""

from __future__ import annotations

import hashlib
import os
import stat

from bilancli import __version__
from bilancli.errors import BilanError
from bilancli.store.folders import open_folder
from bilancli.store.shred import shred_name

CACHE = ("cache", "calendrier.ics")


def key(events, name: str, today) -> bytes:
    """What the kept calendar was written from: the same key, the same file."""
    return hashlib.sha256(repr((events, name, today, __version__)).encode()).hexdigest().encode()


def kept(home: str, wanted: bytes) -> bytes | None:
    """The calendar kept for `wanted`, if it is the one kept."""
    found = _read_kept(home)
    if found is not None and found.startswith(wanted + b"\n"):
        return found[len(wanted) + 1:]
    return None


def keep(home: str, wanted: bytes, data: bytes) -> None:
    """Keep `data` as the calendar of `wanted`."""
    _keep(home, wanted + b"\n" + data)


def _cache_folder(home: str, create: bool = False):
    """`cache/`'s descriptor (None when absent or unusable): a cache that cannot be used is
    only slower."""
    try:
        return open_folder(home, CACHE[0], create=create, unlink_link=True)
    except BilanError:
        return None


def _read_kept(home: str) -> bytes | None:
    folder = _cache_folder(home)
    if folder is None:
        return None
    try:
        fd = os.open(CACHE[1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    except OSError:
        return None
    finally:
        os.close(folder)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError:
        return None
    finally:
        os.close(fd)


def _keep(home: str, data: bytes) -> None:
    """Atomically, 0600 in a 0700 folder (never through a link); only in a data folder that
    exists (a mistyped --home is left without trace); a cache that cannot be written is
    only slower. What a killed run left, and the calendar replaced, are destroyed first."""
    if not os.path.isdir(home):
        return
    folder = _cache_folder(home, create=True)
    if folder is None:
        return
    temp = f"{CACHE[1]}.{os.getpid()}.tmp"
    try:
        _destroy_kept_in(folder)
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o600,
                     dir_fd=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, CACHE[1], src_dir_fd=folder, dst_dir_fd=folder)
    except OSError:
        try:
            shred_name(temp, folder)
            _destroy_kept_in(folder)
        except OSError:
            pass
    finally:
        os.close(folder)


# Left in `cache/` by earlier versions: the French public holidays, kept to spare an import
# (no personal data); removed, as a link-aware removal, whenever the cache is touched.
_OLD_HOLIDAYS = "feries-fr."


def _destroy_kept_in(folder: int) -> None:
    """The kept calendar and any temporary one a killed run left (`calendrier.ics.PID.tmp`),
    inside the open `cache/` folder; the holidays an earlier version kept there too."""
    for name in os.listdir(folder):
        if name == CACHE[1] or (name.startswith(CACHE[1] + ".") and name.endswith(".tmp")) \
                or name.startswith(_OLD_HOLIDAYS) and name.endswith((".json", ".tmp")):
            try:
                shred_name(name, folder)
            except OSError:
                pass


def forget(home: str) -> None:
    """A bilan deleted: its days and times leave the kept calendar too."""
    folder = _cache_folder(home)
    if folder is None:
        return
    try:
        _destroy_kept_in(folder)
    except OSError:
        pass
    finally:
        os.close(folder)
