"""Backups on disk: taking one, finding those of a folder, and erasing deleted bilans in one.

A backup is a folder `sauvegarde-AAAA-MM-JJTHHMMSS` holding `bilans.db` and `documents/`
as BILAN_HOME does, 0700/0600, and, once its last file is written, its completion mark
(`MARK`): a folder without it (a `sauvegarde` killed, or cut by a full disk) is never taken
for a backup. The store is copied by SQLite's online backup, consistent while other
commands run; `documents/` is copied file by file, regular files only, never through a link.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections import namedtuple
from datetime import date, datetime

from bilancli import messages as msg
from bilancli.core.conservation.backups import FOLDER_PREFIX, folder_name
from bilancli.errors import fail, os_reason
from bilancli.store.db import DB_NAME, Store
from bilancli.store.private import (
    ensure_private_dir,
    new_private_file,
    sync_dir,
    sync_file,
)
from bilancli.store.shred import shred_tree
from bilancli.store.snapshots import ended_dates, load_retention_facts

MARK = "SAUVEGARDE-COMPLETE"   # written last, atomically: the backup is whole
LOCK = ".verrou"                # held while the backup is taken (released by a kill too)
DOCUMENTS = "documents"


def begin(where: str, now: datetime) -> tuple[str, int]:
    """A new backup folder under `where` (which must exist), locked while it is taken: its
    path and the lock's descriptor (`end` releases it)."""
    import fcntl

    if not os.path.isdir(where):
        raise fail(msg.SAUVEGARDE_DOSSIER_ABSENT, dossier=where)
    try:
        taken = set(os.listdir(where))
    except OSError as exc:
        raise fail(msg.SAUVEGARDE_IMPOSSIBLE, dossier=where, raison=os_reason(exc)) from None
    target = os.path.join(where, folder_name(now, taken))
    try:
        os.mkdir(target, 0o700)
        lock = new_private_file(os.path.join(target, LOCK), readable=True)
    except OSError as exc:
        raise fail(msg.SAUVEGARDE_IMPOSSIBLE, dossier=where, raison=os_reason(exc)) from None
    fcntl.flock(lock, fcntl.LOCK_EX)
    if not os.fstat(lock).st_nlink:   # a purge took it for a killed one's, between the two
        os.close(lock)
        raise fail(msg.STORE_OCCUPE)
    return target, lock


def copy(store: Store, target: str) -> None:
    """The store and documents/ into the backup folder `target`, then its completion mark.
    The caller holds the store's write lock (`Store.hold`) over it all: no command records
    a file between the copy of the store and that of documents/ (which would leave in the
    backup a file its store does not know), no restore swaps the store under the copy, and
    a purge that comes meanwhile purges the backup whole, once it is marked. OSError or
    sqlite3.Error when the disk fills; nothing here looks complete then."""
    database = os.path.join(target, DB_NAME)
    os.close(new_private_file(database))
    store.conn.execute("BEGIN")   # one read transaction over both copies and the mark
    try:
        store.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        copied = sqlite3.connect(database)
        try:
            store.conn.backup(copied)   # page by page, under SQLite's own consistency
        finally:
            copied.close()
        sync_file(database)
        _copy_tree(os.path.join(store.home, DOCUMENTS), os.path.join(target, DOCUMENTS))
        ensure_private_dir(os.path.join(target, DOCUMENTS))   # a store without any yet
        sync_dir(target)
        _mark_complete(target)
    finally:
        store.conn.execute("ROLLBACK")


def end(target: str, lock: int) -> None:
    """The lock goes: a complete backup keeps only its store, documents/ and its mark."""
    try:
        os.unlink(os.path.join(target, LOCK))
    except OSError:
        pass
    os.close(lock)


def _mark_complete(target: str) -> None:
    """Written under a temporary name, made durable, then renamed: the mark is there whole
    or not at all."""
    temp = os.path.join(target, MARK + ".tmp")
    fd = new_private_file(temp)
    try:
        os.write(fd, b"bilancli\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    os.rename(temp, os.path.join(target, MARK))
    sync_dir(target)


def is_complete(path: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(os.path.join(path, MARK)).st_mode)
    except OSError:
        return False


def _copy_tree(source: str, target: str) -> None:
    """Regular files and folders only, private; a link is not followed nor copied (the
    folder `source` itself included)."""
    try:
        if not stat.S_ISDIR(os.lstat(source).st_mode):
            return
        entries = list(os.scandir(source))
    except FileNotFoundError:
        return
    ensure_private_dir(target)
    for entry in entries:
        if entry.is_symlink():
            continue
        destination = os.path.join(target, entry.name)
        if entry.is_dir(follow_symlinks=False):
            _copy_tree(entry.path, destination)
        elif entry.is_file(follow_symlinks=False):
            _copy_file(entry.path, destination)


def _copy_file(source: str, destination: str) -> None:
    try:
        fd_in = os.open(source, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return   # gone meanwhile, or a link put in its place
    with os.fdopen(fd_in, "rb") as source_file:
        if not stat.S_ISREG(os.fstat(source_file.fileno()).st_mode):
            return
        fd = new_private_file(destination)
        with os.fdopen(fd, "wb") as out:
            shutil.copyfileobj(source_file, out)
            out.flush()
            os.fsync(out.fileno())


def copy_documents(source: str, target: str) -> None:
    """A backup's documents/ into `target` (a restore's workspace), never through a link."""
    _copy_tree(source, target)


def find(where: str) -> list[str]:
    """The backups under `where`, oldest first: the complete ones, and those of the versions
    before the completion mark (no lock either); a folder that is not one, or one a
    `sauvegarde` is still writing or was killed writing (`left_partial`), is not."""
    found = []
    for name in sorted(os.listdir(where)):
        path = os.path.join(where, name)
        if name.startswith(FOLDER_PREFIX) and not os.path.islink(path) and os.path.isdir(path) \
                and os.path.isfile(os.path.join(path, DB_NAME)) \
                and (is_complete(path) or not os.path.lexists(os.path.join(path, LOCK))):
            found.append(path)
    return found


def left_partial(where: str) -> list[str]:
    """The backup folders a killed `sauvegarde` left (not marked complete, their lock free)."""
    import fcntl

    left = []
    for name in sorted(os.listdir(where)):
        path = os.path.join(where, name)
        if not name.startswith(FOLDER_PREFIX) or os.path.islink(path) or not os.path.isdir(path) \
                or is_complete(path):
            continue
        try:
            lock = os.open(os.path.join(path, LOCK), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue            # a `sauvegarde` still writing it
        finally:
            os.close(lock)
        left.append(path)
    return left


def destroy(path: str) -> None:
    """A backup folder destroyed, each file overwritten, never following a link."""
    shred_tree(path)


def documents_problem(path: str) -> str | None:
    """What keeps the backup's documents/ from being read or purged: a link or a file in its
    place; None when it is a folder, or absent."""
    docs = os.path.join(path, DOCUMENTS)
    try:
        info = os.lstat(docs)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(info.st_mode):
        return None
    return msg.SAUVEGARDE_LIEN.format(chemin=docs) if stat.S_ISLNK(info.st_mode) else \
        msg.CHEMIN_PAS_DOSSIER.format(chemin=docs).rstrip(".")


def drop_links(path: str) -> list[str]:
    """Remove, as links, the links found in the backup's documents/ where a bilan's folder
    or file should be (bilan never made them): their targets are never touched."""
    docs = os.path.join(path, DOCUMENTS)
    dropped = []
    try:
        entries = list(os.scandir(docs))
    except OSError:
        return dropped
    for entry in entries:
        if entry.is_symlink():
            os.unlink(entry.path)
            dropped.append(entry.path)
    return dropped


# Every day a command records as the day something was done (never a day planned ahead,
# such as a rendez-vous's start): the last of them is the day a backup holds.
_RECORDED_DAYS = (
    ("bilans", "date_ouverture"), ("phases", "date_entree"), ("champs", "modifie_le"),
    ("consentements", "date"), ("consentements", "retire_le"), ("conventions", "transmise"),
    ("conventions", "signee"), ("entretiens", "date"), ("corrections", "date"),
    ("documents", "cree_le"), ("rendus", "cree_le"), ("suivis", "date"), ("edof", "date"),
    ("satisfactions", "date"), ("questionnaires", "envoye_le"), ("questionnaires", "relance_le"),
    ("rdv", "modifie_le"), ("sequence_factures", "derniere_date"), ("paiements", "date"),
    ("reclamations", "date"), ("reclamations", "repondue_le"), ("reclamations", "close_le"),
)


def held_day(store: Store) -> date | None:
    """The last day the backed-up store recorded something: what the backup holds."""
    days = " UNION ALL ".join(f"SELECT MAX({column}) AS d FROM {table}" for table, column in _RECORDED_DAYS)
    row = store.conn.execute(f"SELECT MAX(d) FROM ({days})").fetchone()
    return date.fromisoformat(row[0][:10]) if row and row[0] else None


def deleted_ids(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT id FROM bilans_supprimes")}


def delete_bilans(store: Store, ids: list[str]) -> int:
    """Erase these bilans from a backup, their files under documents/ID/ too (the store
    deleted them); their ids are kept, as the store keeps them. How many went."""
    for bilan_id in ids:
        shred_tree(os.path.join(store.home, "documents", bilan_id))
    with store.write() as conn:
        for bilan_id in ids:
            conn.execute("DELETE FROM bilans WHERE id = ?", (bilan_id,))
            conn.execute("INSERT OR IGNORE INTO bilans_supprimes (id) VALUES (?)", (bilan_id,))
    return len(ids)


class StoreFacts(namedtuple("StoreFacts", "retention deleted destructions")):
    """What the store tells every backup, read once for all of them: its retention facts,
    the ids it deleted, and its destruction dates (id → content destroyed on, anonymised on)."""

    __slots__ = ()


def retention_facts(conn) -> dict:
    """The retention facts of every bilan of a store (a backup's, or the store's own)."""
    return load_retention_facts(conn, ended_dates(conn, ended_only=False))


def store_facts(store_conn) -> StoreFacts:
    return StoreFacts(
        retention_facts(store_conn),
        deleted_ids(store_conn),
        {r[0]: (r[1], r[2]) for r in store_conn.execute(
            "SELECT id, contenu_detruit_le, anonymise_le FROM bilans "
            "WHERE contenu_detruit_le IS NOT NULL OR anonymise_le IS NOT NULL")})


def copy_dates(backup: Store, rows: dict, ids) -> None:
    """A purged backup records the store's destruction dates (`StoreFacts.destructions`),
    as the store does."""
    with backup.write() as conn:
        for bilan_id in ids:
            if bilan_id in rows:
                destroyed, anonymised = rows[bilan_id]
                conn.execute("UPDATE bilans SET contenu_detruit_le = COALESCE(?, contenu_detruit_le), "
                             "anonymise_le = COALESCE(?, anonymise_le) WHERE id = ?",
                             (destroyed, anonymised, bilan_id))


def record_deleted(backup: Store, ids) -> None:
    """The store's list of deleted ids, kept by a backup restored in its place."""
    with backup.write() as conn:
        conn.executemany("INSERT OR IGNORE INTO bilans_supprimes (id) VALUES (?)", [(i,) for i in ids])
