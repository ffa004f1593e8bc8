"""Restoring a backup (SPEC §12): the store and documents/ come back, then lose at once what
the store they replace had destroyed or deleted — nothing the law wanted gone comes back.

The backup is staged in a private locked workspace (`store.drafts.Workspace`), purged
there as the store was, and only then takes the place of the store: a command killed
part-way leaves the store as it was, and its workspace is destroyed by the next command.
"""

from __future__ import annotations

import os
from datetime import date

from bilancli import messages as msg
from bilancli.errors import fail
from bilancli.store import backups
from bilancli.store.db import DB_NAME, Store


def check(source: str) -> date | None:
    """The day the backup holds; refused when it is not a bilancli backup."""
    if not os.path.isdir(source) or not os.path.isfile(os.path.join(source, DB_NAME)):
        raise fail(msg.SAUVEGARDE_PAS_UNE, dossier=source)
    store = Store(source, create=False)
    try:
        return backups.held_day(store)
    finally:
        store.close()


def restore(home: str, source: str, settings, today: date) -> None:
    import sqlite3

    from bilancli.core import backups as rules
    from bilancli.store import purge as store_purge
    from bilancli.store.drafts import Workspace
    from bilancli.store.shred import shred_name
    from bilancli.store.snapshots import ended_dates, load_retention_facts

    from bilancli.store.db import ensure_home

    ensure_home(home)
    current = Store(home, create=False, writable=True)
    space = Workspace(home)
    try:
        facts = load_retention_facts(current.conn, ended_dates(current.conn, ended_only=False))
        deleted = backups.deleted_ids(current.conn)
        staged_db = os.path.join(space.where, DB_NAME)
        origin = sqlite3.connect(os.path.join(source, DB_NAME))
        copy = sqlite3.connect(staged_db)
        try:
            origin.backup(copy)
        finally:
            copy.close()
            origin.close()
        backups._copy_tree(os.path.join(source, "documents"), os.path.join(space.where, "documents"))
        staged = Store(space.where, create=False, writable=True)
        try:
            own = load_retention_facts(staged.conn, ended_dates(staged.conn, ended_only=False))
            dues, to_delete = rules.dues(own, facts, deleted, settings, today)
            backups.delete_bilans(staged, to_delete)
            store_purge.purge(staged, dues, today)
            backups.copy_dates(staged, current.conn, dues)
            with staged.write() as conn:   # the store's list of deleted ids comes along
                conn.executemany("INSERT OR IGNORE INTO bilans_supprimes (id) VALUES (?)",
                                 [(i,) for i in deleted])
            store_purge.finish(staged)
        finally:
            staged.close()
        current.close()
        # The store it replaces: its files go (those the backup holds come back with it).
        backups._shred_tree(os.path.join(home, "documents"), shred_name)
        if os.path.isdir(os.path.join(space.where, "documents")):
            os.rename(os.path.join(space.where, "documents"), os.path.join(home, "documents"))
        old = os.path.join(home, DB_NAME)
        if os.path.exists(old):
            shred_name(old)
        os.replace(staged_db, old)
    finally:
        current.close()
        space.destroy()
