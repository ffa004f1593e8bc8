"""Backups on disk: taking one, finding those of a folder, and erasing deleted bilans in one.

A backup is a folder `sauvegarde-AAAA-MM-JJTHHMMSS` holding `bilans.db` and `documents/`
as BILAN_HOME does, 0700/0600. The store is copied by SQLite's online backup, consistent
while other commands run; `documents/` is copied file by file, regular files only, never
through a link.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections import namedtuple
from datetime import date, datetime

from bilancli import messages as msg
from bilancli.core.backups import FOLDER_PREFIX, folder_name
from bilancli.errors import fail, os_reason
from bilancli.store.db import DB_NAME, Store, new_private_file


def take(store: Store, where: str, now: datetime) -> str:
    """A new backup of `store` under the folder `where` (which must exist); its path."""
    if not os.path.isdir(where):
        raise fail(msg.SAUVEGARDE_DOSSIER_ABSENT, dossier=where)
    try:
        taken = set(os.listdir(where))
    except OSError as exc:
        raise fail(msg.SAUVEGARDE_IMPOSSIBLE, dossier=where, raison=os_reason(exc)) from None
    target = os.path.join(where, folder_name(now, taken))
    database = os.path.join(target, DB_NAME)
    try:
        os.mkdir(target, 0o700)
        os.close(new_private_file(database))
        # One read transaction over both copies: no command records a file between the
        # copy of the store and that of documents/, which would leave in the backup a file
        # its store does not know (writers wait for the end, as for any long write).
        store.conn.execute("BEGIN")
        try:
            store.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            copy = sqlite3.connect(database)
            try:
                store.conn.backup(copy)   # page by page, under SQLite's own consistency
            finally:
                copy.close()
            _copy_tree(os.path.join(store.home, "documents"), os.path.join(target, "documents"))
        finally:
            store.conn.execute("ROLLBACK")
    except OSError as exc:
        raise fail(msg.SAUVEGARDE_IMPOSSIBLE, dossier=where, raison=os_reason(exc)) from None
    return target


def _copy_tree(source: str, target: str) -> None:
    """Regular files and folders only, private; a link is not followed nor copied."""
    try:
        entries = list(os.scandir(source))
    except FileNotFoundError:
        return
    os.makedirs(target, mode=0o700, exist_ok=True)
    for entry in entries:
        if entry.is_symlink():
            continue
        destination = os.path.join(target, entry.name)
        if entry.is_dir(follow_symlinks=False):
            _copy_tree(entry.path, destination)
        elif entry.is_file(follow_symlinks=False):
            fd = new_private_file(destination)
            with os.fdopen(fd, "wb") as out, open(entry.path, "rb") as source_file:
                shutil.copyfileobj(source_file, out)


def find(where: str) -> list[str]:
    """The backups under `where`, oldest first (a folder that is not one is ignored)."""
    found = []
    for name in sorted(os.listdir(where)):
        path = os.path.join(where, name)
        if name.startswith(FOLDER_PREFIX) and not os.path.islink(path) and os.path.isdir(path) \
                and os.path.isfile(os.path.join(path, DB_NAME)):
            found.append(path)
    return found


def held_day(store: Store) -> date | None:
    """The last day the backed-up store recorded something: what the backup holds."""
    row = store.conn.execute(
        "SELECT MAX(d) FROM (SELECT MAX(date_ouverture) AS d FROM bilans UNION ALL "
        "SELECT MAX(date) FROM entretiens UNION ALL SELECT MAX(date_entree) FROM phases)"
    ).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


def deleted_ids(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT id FROM bilans_supprimes")}


def delete_bilans(store: Store, ids: list[str]) -> int:
    """Erase these bilans from a backup, their files under documents/ID/ too (the store
    deleted them); their ids are kept, as the store keeps them. How many went."""
    from bilancli.store.shred import shred_tree

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
    from bilancli.store.snapshots import ended_dates, load_retention_facts

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
