"""Restoring a backup (SPEC §12): the store and documents/ come back, then lose at once what
the store they replace had destroyed or deleted — nothing the law wanted gone comes back.

The orchestration lives in `services.restore`; here, what touches the files and the SQL.
The backup is staged in a private locked workspace (`store.drafts.Workspace`) and purged
there as the store was. Until the workspace is marked ready, a kill leaves the store as it
was and the next command destroys the workspace. Once it is marked ready, the restore is
decided: the next command that writes finishes a swap a kill cut short
(`finish_left_over`), as its first step; a command that only reads meanwhile reads the
decided store (`store.db`), and writes nothing. A store is never lost half-way, and the one replaced is destroyed, never left
on disk.
"""

from __future__ import annotations

import json
import os
import sqlite3

from bilancli import messages as msg
from bilancli.errors import fail
from bilancli.store import schema
from bilancli.store.conservation import purge_files
from bilancli.store.db import DB_NAME, Store
from bilancli.store.dossier import drafts
from bilancli.store.private import new_private_file, sync_dir
from bilancli.store.shred import shred_name

DOCUMENTS = "documents"
READY = drafts.DECIDED               # the staged store is whole: carry the restore through
OLD_DB = "remplace.db"               # the store being replaced, destroyed with the workspace
OLD_DOCUMENTS = "documents-remplaces"
ORPHANS = "orphelins.json"           # files to destroy once the swap is done (no content)


def refuse_lost_invoices(current, staged) -> None:
    """Invoices issued since the backup would be lost, and their numbers given again to other
    invoices: a sequence without gap or double is the law (CGI art. 242 nonies A)."""
    kept = {r[0] for r in staged.execute("SELECT numero FROM factures")}
    lost = [r[0] for r in current.execute("SELECT numero FROM factures ORDER BY annee, rang")
            if r[0] not in kept]
    if lost:
        raise fail(msg.RESTAURE_FACTURES_PERDUES, numeros=", ".join(lost), nombre=len(lost))


_RENDU_COLUMNS = "bilan_id, genre, format, chemin, sha256, phase, cree_le, provisoire, classe"


def outside_files(current, staged: Store) -> tuple[int, list]:
    """The files the replaced store wrote outside the data folder (`-o`) that the backup does
    not know: their records come along when their bilan is in the backup, so the purge still
    finds them; the others (a bilan opened since) are returned, to be destroyed."""
    rows = [r for r in current.execute(f"SELECT {_RENDU_COLUMNS} FROM rendus WHERE detruit_le IS NULL")
            if os.path.isabs(r[3])]
    known = set(staged.conn.execute("SELECT chemin, sha256 FROM rendus"))
    present = {r[0] for r in staged.conn.execute("SELECT id FROM bilans")}
    missing = [r for r in rows if (r[3], r[4]) not in known]
    carried = [r for r in missing if r[0] in present]
    with staged.write() as conn:
        conn.executemany(f"INSERT INTO rendus ({_RENDU_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         carried)
    return len(carried), [r for r in missing if r[0] not in present]


def write_orphans(where: str, orphans) -> None:
    """Where the files of bilans the restored store does not hold are, with their hashes: the
    swap destroys them, or the next command if a kill cuts it short."""
    fd = new_private_file(os.path.join(where, ORPHANS))
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump([[genre, path, sha256, temp, classe]
                   for _, genre, _, path, sha256, _, _, temp, classe in orphans], handle)
        handle.flush()
        os.fsync(handle.fileno())


def _destroy_orphans(home: str, where: str) -> int:
    """Destroy the files listed by `_write_orphans` (their bytes only, never what was put at
    their name since); how many went."""
    try:
        with open(os.path.join(where, ORPHANS), encoding="utf-8") as handle:
            orphans = json.load(handle)
    except (OSError, ValueError):
        return 0
    done = 0
    for genre, path, sha256, temp, classe in orphans:
        file = purge_files.RecordedFile(path, purge_files.kind_of(genre, classe), (),
                                        frozenset({sha256}), frozenset(), (temp,) if temp else ())
        done += purge_files.destroy(home, file).state == purge_files.PRESENT
    return done


def mark_ready(where: str) -> None:
    """The staged store is whole and purged: from here on the restore is carried through."""
    fd = new_private_file(os.path.join(where, READY))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    sync_dir(where)


def is_ready(where: str) -> bool:
    return drafts.is_decided(where)


def finish(home: str, where: str) -> int:
    """Put the staged store of the workspace `where` in the place of the store, then destroy
    the files of bilans it does not hold (how many went); each step can be taken again
    after a kill. The replaced store is kept, until it is destroyed with the workspace,
    under names of the workspace only: never is a store half in place."""
    staged_docs, old_docs = os.path.join(where, DOCUMENTS), os.path.join(where, OLD_DOCUMENTS)
    if os.path.isdir(staged_docs):
        docs = os.path.join(home, DOCUMENTS)
        if os.path.lexists(docs) and not os.path.lexists(old_docs):
            os.rename(docs, old_docs)
        os.rename(staged_docs, docs)
    staged_db, old_db = os.path.join(where, DB_NAME), os.path.join(where, OLD_DB)
    if os.path.isfile(staged_db):
        live = os.path.join(home, DB_NAME)
        if os.path.isfile(live) and not os.path.lexists(old_db):
            os.link(live, old_db)   # the store it replaces, until the workspace is destroyed
        # A journal left there would be the old store's: rolled onto the new one, it would
        # damage it.
        shred_name(live + "-journal")
        os.replace(staged_db, live)
    sync_dir(home)
    return _destroy_orphans(home, where)


def finish_left_over(home: str) -> None:
    """The first step of every command that writes: finish a restore a kill cut short after
    its point of no return, then destroy the drafts whose command is gone."""
    drafts.destroy_left_over(home, finish=lambda where: finish(home, where))


def expected_columns() -> set[str]:
    """`table.column` of every column a store of this version holds (a backup missing one,
    or a whole table, is not whole)."""
    memory = sqlite3.connect(":memory:", isolation_level=None)
    try:
        schema.apply(memory)
        return columns(memory)
    finally:
        memory.close()


def columns(conn) -> set[str]:
    """`table.column` of every column of the store, and `table` alone for each table."""
    found = set()
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        found.add(table)
        found.update(f"{table}.{row[1]}" for row in conn.execute(f'PRAGMA table_info("{table}")'))
    return found


def copy_store(source: str, target: str) -> None:
    """A consistent copy of the store `source` into the (new, private) file `target`."""
    origin = sqlite3.connect(source)
    copy = sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        copy.close()
        origin.close()
