"""Recorded files: destroyed only when they still hold what the tool wrote there.

A path given with `-o` may since hold something else: another rendering (of this
bilan or another), or a file the consultant put there. Only bytes whose SHA-256
the tool recorded for this bilan are overwritten and unlinked; anything else is
left alone and reported, and its row stays on the retry list until the file is
gone. Each distinct path counts once, however many times it was rendered.

Never through a link: a symbolic link at a recorded path is not ours; a file with
another hard link has its name removed, never its bytes overwritten under the other
name. The temporary name a killed rendering wrote under, and the name a killed purge
was overwriting under (its tombstone), were chosen by the tool: whatever is there is
destroyed, if it is a regular file with a single link (its name alone otherwise).
"""

from __future__ import annotations

import os
import stat
from collections import namedtuple
from pathlib import Path

from bilancli import messages as msg
from bilancli.core.registry import file_kind
from bilancli.errors import os_reason
from bilancli.store.folders import link_on_the_way
from bilancli.store.shred import open_own, sha256_of, shred_name, zero_fill

# What a check found at a recorded path.
PRESENT = "present"         # our bytes: destroy
ABSENT = "absent"           # already gone (by hand, or an interrupted run): counts as destroyed
SUPERSEDED = "superseded"   # a later rendering the tool recorded for someone else: not ours any more
MODIFIED = "modified"       # something we did not write: never destroyed, reported
BLOCKED = "blocked"         # cannot be read or deleted: reported, retried


class RecordedFile(namedtuple("RecordedFile", "path kind rows ours others temps", defaults=((),))):
    """One distinct path of one bilan, with every rendering recorded there: the `path` as
    recorded (relative to BILAN_HOME, or absolute); its purge `kind`; the rendus ids naming
    it for this bilan (`rows`); the hashes written there for this bilan (`ours`) and for
    anyone else still recorded (`others`); the temporary names of writings never
    confirmed (`temps`)."""

    __slots__ = ()


class Check(namedtuple("Check", "file state size reason linked", defaults=(0, "", False))):
    """What was found (or done) at a recorded file: its `state`, its `size`, why it stays
    (`reason`); `linked`: ours, but with another hard link — only our name went."""

    __slots__ = ()

    @property
    def settled(self) -> bool:
        """The row can be marked destroyed: nothing of this bilan is left at the path."""
        return self.state in (PRESENT, ABSENT, SUPERSEDED)


kind_of = file_kind


def full_path(home: str | Path, recorded: str) -> Path:
    path = Path(recorded)
    return path if path.is_absolute() else Path(home) / path


def pending_files(conn, due_kinds: dict[str, set[str]]) -> dict[str, list[RecordedFile]]:
    """Bilan id → its recorded files not yet destroyed whose kind is due, one per distinct path."""
    rows = conn.execute(
        "SELECT id, bilan_id, genre, chemin, sha256, provisoire, classe FROM rendus "
        "WHERE detruit_le IS NULL ORDER BY id"
    ).fetchall()
    by_path: dict[str, list] = {}
    for row in rows:
        by_path.setdefault(row[3], []).append(row)
    found: dict[str, dict[str, list]] = {}
    for row in rows:
        kinds = due_kinds.get(row[1])
        if kinds is not None and kind_of(row[2], row[6]) in kinds:
            found.setdefault(row[1], {}).setdefault(row[3], []).append(row)
    result: dict[str, list[RecordedFile]] = {}
    for bilan_id, paths in found.items():
        for path, mine in paths.items():
            ids = {r[0] for r in mine}
            result.setdefault(bilan_id, []).append(RecordedFile(
                path, kind_of(mine[-1][2], mine[-1][6]), tuple(sorted(ids)), frozenset(r[4] for r in mine),
                frozenset(r[4] for r in by_path[path] if r[0] not in ids),
                tuple(r[5] for r in mine if r[5]),
            ))
    return result


def check(home: str | Path, file: RecordedFile) -> Check:
    """What `destroy` would do, reading only (--dry-run)."""
    return _through_link(home, file) or _examine(home, file, destroy=False)


def destroy(home: str | Path, file: RecordedFile) -> Check:
    """Overwrite and unlink the file if it still holds our bytes; say what was done. A file
    that cannot be destroyed is reported and its row retried, never the purge stopped."""
    linked = _through_link(home, file)
    if linked is not None:
        return linked
    try:
        for temp in file.temps:
            shred_name(full_path(home, temp))
    except OSError as exc:
        return _blocked(file, exc)
    # A run killed while overwriting left our bytes under the tombstone: they go first,
    # whatever has been put at the recorded path since.
    grave = _interrupted(file, tombstone(full_path(home, file.path)), destroy=True)
    if grave.state == BLOCKED:
        return grave
    found = _examine(home, file, destroy=True)
    if grave.state == PRESENT and found.state in (ABSENT, MODIFIED):
        return grave
    return found


def _through_link(home: str | Path, file: RecordedFile) -> Check | None:
    """A recorded file reached through a link inside BILAN_HOME (`documents` or
    `documents/ID` made a link since): never followed, reported and retried."""
    link = link_on_the_way(home, full_path(home, file.path))
    if link is None:
        return None
    return Check(file, BLOCKED, reason=msg.PURGE_RAISON_LIEN.format(chemin=link))


def tombstone(path: Path) -> Path:
    """Where a file goes while it is overwritten: a kill then leaves the recorded path empty,
    and the next run finishes this name, rather than finding half-zeroed bytes it cannot
    recognise at the recorded path."""
    return path.with_name(f".{path.name}.bilan-purge")


def _examine(home: str | Path, file: RecordedFile, destroy: bool) -> Check:
    path = full_path(home, file.path)
    try:
        info = path.lstat()
    except FileNotFoundError:
        return _interrupted(file, tombstone(path), destroy)
    except OSError as exc:
        return _blocked(file, exc)
    if stat.S_ISLNK(info.st_mode):
        # We only ever write regular files: a link in their place is someone else's.
        return Check(file, MODIFIED, reason=msg.PURGE_RAISON_MODIFIE)
    if not stat.S_ISREG(info.st_mode):
        return Check(file, BLOCKED, reason=msg.PURGE_RAISON_PAS_UN_FICHIER)
    try:
        fd = open_own(path, destroy and info.st_nlink == 1)
    except FileNotFoundError:
        return _interrupted(file, tombstone(path), destroy)
    except OSError as exc:
        return _blocked(file, exc)
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or _identity(opened) != _identity(info):
            return Check(file, MODIFIED, reason=msg.PURGE_RAISON_MODIFIE)   # swapped under us
        digest = sha256_of(fd)
        if digest not in file.ours:
            if digest in file.others:
                return Check(file, SUPERSEDED)
            return Check(file, MODIFIED, size=opened.st_size, reason=msg.PURGE_RAISON_MODIFIE)
        linked = opened.st_nlink > 1
        if destroy and linked:
            # Another name holds these bytes too: ours goes, theirs is never written into.
            path.unlink()
        elif destroy:
            grave = tombstone(path)
            _interrupted(file, grave, destroy=True)   # left by an older killed run: finish it first
            os.replace(path, grave)
            zero_fill(fd, opened.st_size)
            _unlink_if_same(grave, opened)
    except OSError as exc:
        return _blocked(file, exc)
    finally:
        os.close(fd)
    return Check(file, PRESENT, size=opened.st_size, linked=linked)


def _interrupted(file: RecordedFile, grave: Path, destroy: bool) -> Check:
    """The recorded path is empty: gone, or moved aside by a run killed while overwriting it."""
    try:
        info = grave.lstat()
    except OSError:
        return Check(file, ABSENT)
    if not stat.S_ISREG(info.st_mode):
        return Check(file, ABSENT)
    if destroy:
        try:
            shred_name(grave)
        except OSError as exc:
            return _blocked(file, exc)
    return Check(file, PRESENT, size=info.st_size)


def _blocked(file: RecordedFile, exc: OSError) -> Check:
    return Check(file, BLOCKED, reason=os_reason(exc))


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _unlink_if_same(path: Path, opened: os.stat_result) -> None:
    """Unlink the file we overwrote, not one put in its place meanwhile."""
    try:
        now = path.lstat()
    except FileNotFoundError:
        return
    if _identity(now) == _identity(opened):
        path.unlink()
