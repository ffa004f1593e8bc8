"""An encrypted store for the tests of crypto-shredding (SPEC §15): every value of a sealed
column sealed under its bilan's key, as the store's writers seal them."""

from __future__ import annotations

import os
import sqlite3

from bilancli.core import registry
from bilancli.core.conservation.retention import SYNTHESIS_KEY
from bilancli.store.cles import cipher
from bilancli.store.cles.trousseau import KEYS_FILE
from bilancli.store.db import Store
from bilancli.store.scellement import ROW_KEYS, bound_column


def seal_store(home) -> None:
    """Set the store up for encryption when it is not yet, and seal what is still in clear:
    a synthèse under its own key, the rest under the bilan's."""
    store = Store(home)
    try:
        keys = store.keys
        with store.write() as conn:
            if keys.state is None:
                keys.set_up(os.urandom(16).hex(), clear=False)
            for table, column in registry.sealed_columns():
                key = registry.table(table).key
                synthesis = "type = 'synthese'" if table == "documents" else "0"
                row_key = ROW_KEYS.get(table, "NULL")
                rows = conn.execute(f"SELECT rowid, {key}, {column}, {synthesis}, {row_key} FROM {table} "
                                    f"WHERE {column} IS NOT NULL").fetchall()
                for rowid, bid, value, is_synthesis, row in rows:
                    if cipher.is_sealed(value):
                        continue
                    sealed = keys.seal(table, bound_column(table, column, row), bid, value,
                                       group=SYNTHESIS_KEY if is_synthesis else None)
                    conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (sealed, rowid))
    finally:
        store.close()


def keys_file(home):
    """The store of keys of the store at `home`, outside it."""
    store = Store(home, create=False)
    try:
        return store.keys.keys_path()
    finally:
        store.close()


def kept_keys(home) -> set[str]:
    """The names of the data keys kept, read straight from the store of keys."""
    conn = sqlite3.connect(keys_file(home))
    try:
        return {r[0] for r in conn.execute("SELECT bilan_id FROM cles")}
    finally:
        conn.close()


def destroyed_keys(home) -> dict[str, str]:
    conn = sqlite3.connect(keys_file(home))
    try:
        return dict(conn.execute("SELECT bilan_id, le FROM detruites"))
    finally:
        conn.close()


def open_value(home, table: str, column: str, bilan_id: str, value, group=None):
    """A sealed value opened with the keys that exist now (a BilanError when it cannot be);
    bound to the row of the store at `home` that holds it (`ROW_KEYS`)."""
    store = Store(home, create=False)
    try:
        row = None
        if table in ROW_KEYS:
            (row,) = store.conn.execute(f"SELECT {ROW_KEYS[table]} FROM {table} WHERE {column} = ?",
                                        (value,)).fetchone()
        return store.keys.open(table, bound_column(table, column, row), bilan_id, value, group=group)
    finally:
        store.close()


__all__ = ["KEYS_FILE", "seal_store", "keys_file", "kept_keys", "destroyed_keys", "open_value"]
