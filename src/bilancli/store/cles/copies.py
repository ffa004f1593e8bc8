"""The data folder a key store serves, so that a copy of that folder on the same machine (a
preview with BILAN_TODAY forward, a backup restored into a test folder) never destroys the
keys of the live one: both have the same store id, hence the same key store.

The key store records the real path of the data folder it serves, when it is made or
installed. A command that destroys keys (the purge, `delete`) from another folder is refused
while the recorded one still holds a store of the same id; when it no longer does (the data
folder was moved), the key store adopts the new folder. Reading, and new keys, are allowed
from a copy: they destroy nothing."""

from __future__ import annotations

import os
import pathlib
import sqlite3
import stat

from bilancli import messages as msg
from bilancli.errors import fail

_TABLE = "CREATE TABLE IF NOT EXISTS dossier (id INTEGER PRIMARY KEY CHECK (id = 1), chemin TEXT NOT NULL)"


def served(db) -> str | None:
    """The data folder the key store on `db` serves, None when it records none (made before
    this record existed)."""
    try:
        row = db.execute("SELECT chemin FROM dossier").fetchone()
    except sqlite3.OperationalError:   # a key store made before the record: no table
        return None
    return None if row is None else row[0]


def record(db, home: str) -> None:
    """The key store on `db` serves the data folder `home` from now on (committed)."""
    db.execute(_TABLE)
    db.execute("INSERT OR REPLACE INTO dossier (id, chemin) VALUES (1, ?)", (os.path.realpath(home),))


def check_not_a_copy(db, home: str, store_id: str) -> None:
    """Before keys are destroyed: refused from a copy of the data folder the key store serves
    while that folder still holds this store; the key store adopts `home` otherwise."""
    here = os.path.realpath(home)
    recorded = served(db)
    if recorded == here:
        return
    if recorded is not None and holds(recorded, store_id):
        raise fail(msg.CLE_DOSSIER_COPIE, dossier=home, origine=recorded)
    record(db, here)


def holds(folder: str, store_id: str) -> bool:
    """Whether `folder` holds a store whose id is `store_id`; read only. A store there that
    cannot be read is taken as holding it: its keys are never destroyed on a guess."""
    path = os.path.join(folder, "bilans.db")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return False     # gone: the data folder was moved
    except OSError:
        return True      # there, but out of reach (its folder closed to us): never a guess
    if not stat.S_ISREG(info.st_mode):
        return True      # something put in its place: not proof that the store left
    try:
        conn = sqlite3.connect(pathlib.Path(path).as_uri() + "?mode=ro", uri=True, timeout=30)
        try:
            row = conn.execute("SELECT magasin FROM chiffrement").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        return "no such table" not in str(exc)   # a store of an earlier version: not this one
    except sqlite3.Error:
        return True
    return row is not None and row[0] == store_id
