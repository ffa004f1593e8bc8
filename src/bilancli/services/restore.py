"""`bilan restaure`: a backup comes back in place of the store and documents/, then loses at
once what the store it replaces had destroyed or deleted (SPEC §12).

Plan: `check` refuses what is not a whole backup, touching nothing. Execute: `restore`
holds the store's write lock from its checks to the swap, so that a command writing
meanwhile waits, then writes into the restored store (or is refused): nothing reported
done is lost, no invoice number is given twice, a bilan deleted meanwhile stays deleted.
The staging, the point of no return and the swap are `store.restore`'s.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections import namedtuple
from datetime import date

from bilancli import messages as msg
from bilancli.core.conservation import backups as rules
from bilancli.errors import BilanError, fail
from bilancli.store.conservation import backups
from bilancli.store.conservation import purge as store_purge
from bilancli.store.conservation import restore as staging
from bilancli.store.db import DB_NAME, Store
from bilancli.store.disk import is_full
from bilancli.store.dossier.drafts import Workspace
from bilancli.store.private import ensure_home, ensure_private_dir, new_private_file


class Restored(namedtuple("Restored", "unreadable carried destroyed purged keys_refused")):
    """What a restore did beyond the swap: the replaced store could not be read
    (`unreadable`: only the backup's own facts purged it); the files written outside the
    data folder whose records came along (`carried`), and those destroyed because their
    bilan is not in the backup (`destroyed`); the bilans purged or deleted in the backup's
    copy before it was put in place, as the store had been (`purged`); why the keys of what
    went could not be destroyed, if they could not (`keys_refused`)."""

    __slots__ = ()


def check(source: str) -> date | None:
    """The day the backup holds; refused, touching nothing, when it is not a whole bilancli
    backup: no store, not marked complete, an empty or foreign store, one missing a table
    or a column, a documents/ that is not a folder. Nothing in it is read through a link."""
    database = os.path.join(source, DB_NAME)
    try:
        info = os.lstat(database) if os.path.isdir(source) else None
    except OSError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode):
        raise fail(msg.SAUVEGARDE_PAS_UNE, dossier=source)
    if not backups.is_complete(source):
        raise fail(msg.SAUVEGARDE_INCOMPLETE, dossier=source)
    if backups.documents_problem(source):
        raise fail(msg.SAUVEGARDE_DOCUMENTS_PAS_DOSSIER, dossier=source)
    if info.st_size == 0:
        raise fail(msg.SAUVEGARDE_VIDE, dossier=source)
    store = Store(source, create=False, backup=True)
    try:
        found = staging.columns(store.conn)
        if not found:
            raise fail(msg.SAUVEGARDE_VIDE, dossier=source)
        # A whole table gone names the table alone, not each of its columns.
        missing = {name for name in staging.expected_columns() - found
                   if name.split(".")[0] in found or "." not in name}
        if missing:
            raise fail(msg.SAUVEGARDE_TABLE_MANQUANTE, dossier=source, tables=", ".join(sorted(missing)))
        try:
            return backups.held_day(store)
        except sqlite3.DatabaseError:
            raise fail(msg.STORE_ILLISIBLE, chemin=database) from None
    finally:
        store.close()


def restore(home: str, source: str, settings, today: date) -> Restored:
    """Replace the store by the backup `source`, purged as the store was (its facts read
    under the write lock, which is held until the swap is done)."""
    ensure_home(home)
    staging.finish_left_over(home)
    try:
        current = Store(home, create=False, writable=True)
    except BilanError as exc:
        if exc.key != "STORE_ILLISIBLE":
            raise
        current = None   # damaged: the very reason to restore; it is replaced all the same
    space = Workspace(home)
    try:
        if current is None:
            destroyed, carried, purged, dues = _stage_and_swap(home, source, None, space,
                                                               settings, today)
        else:
            with current.hold():
                destroyed, carried, purged, dues = _stage_and_swap(home, source, current, space,
                                                                   settings, today)
    finally:
        if current:
            current.close()
        space.destroy()
    return Restored(current is None, carried, destroyed, purged, _destroy_keys(home, dues, today))


def _destroy_keys(home: str, dues, today: date) -> BilanError | None:
    """The keys of what the backup's copy was purged of, destroyed once it is in place: every
    older copy of that content (the backup itself, a synced folder) is noise from then on;
    the purge that follows finds nothing left to do for them. From a copy of the data
    folder, whose key store serves another, refused: returned, the restore being done."""
    if not dues:
        return None
    store = Store(home, create=False, writable=True)
    try:
        store_purge.destroy_keys_left(store.keys, dues, today)
    except BilanError as exc:
        return exc
    finally:
        store.close()
    return None


def _stage_and_swap(home: str, source: str, current, space, settings, today) -> tuple:
    check(source)   # again, under the lock: what is swapped in is what was checked
    try:
        orphans, carried, purged, dues = _stage(home, source, current, space, settings, today)
        staging.write_orphans(space.where, orphans)
        staging.mark_ready(space.where)   # the point of no return
    except store_purge.PurgeCut as cut:
        if isinstance(cut.cause, KeyboardInterrupt) or not is_full(cut.cause, space.where):
            raise
        raise fail(msg.RESTAURE_DISQUE_PLEIN, dossier=home) from None
    except (OSError, sqlite3.Error) as exc:
        if not is_full(exc, space.where):
            raise
        raise fail(msg.RESTAURE_DISQUE_PLEIN, dossier=home) from None
    return staging.finish(home, space.where), carried, purged, dues


def _stage(home: str, source: str, current, space, settings, today) -> tuple:
    """The backup copied into the workspace and purged there as the store was: (the files
    to destroy once swapped, how many files written outside came along, how many bilans
    were purged or deleted in it, what was due)."""
    told = backups.store_facts(current.conn) if current else backups.StoreFacts({}, set(), {})
    staged_db = os.path.join(space.where, DB_NAME)
    os.close(new_private_file(staged_db))
    staging.copy_store(os.path.join(source, DB_NAME), staged_db)
    backups.copy_documents(os.path.join(source, staging.DOCUMENTS),
                           os.path.join(space.where, staging.DOCUMENTS))
    staged = Store(space.where, create=False, writable=True, backup=True)
    try:
        if current:
            staging.refuse_lost_invoices(current.conn, staged.conn)
        own = backups.retention_facts(staged.conn)
        dues, to_delete = rules.dues(own, told.retention, told.deleted, settings, today)
        backups.delete_bilans(staged, to_delete)
        outcomes = store_purge.purge(staged, dues, today)
        purged = len({o.bilan_id for o in outcomes if o.items} | set(to_delete))
        backups.copy_dates(staged, told.destructions, dues)
        backups.record_deleted(staged, told.deleted)   # the store's list of deleted ids comes along
        carried, orphans = staging.outside_files(current.conn, staged) if current else (0, [])
        store_purge.finish(staged)
    finally:
        staged.close()
    ensure_private_dir(os.path.join(space.where, staging.DOCUMENTS))   # a backup without any
    return orphans, carried, purged, dues
