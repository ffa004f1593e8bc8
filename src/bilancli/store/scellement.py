"""Content sealed where it is stored (SPEC §15): under which key a stored value is sealed,
and the first write of a store — set up, and a store of an earlier version (content in
clear, no `chiffrement` row) sealed in place, every value of every sealed column.

What the registry declares sealed (`registry.sealed_columns()`) is written through
`keys.seal` and read through `keys.open`; the synthèse's documents under the bilan's key of
group `SYNTHESE` (R6313-7 lets it outlive the rest), everything else under the bilan's own.
"""

from __future__ import annotations

import os

from bilancli.core import registry
from bilancli.core.documents.catalogue import SYNTHESE_TYPE
from bilancli.store.cles import cipher

SYNTHESE = "synthese"   # the group of the synthèse's key (`trousseau.key_name`)
SEALED = frozenset(registry.sealed_columns())
# What a sealed value is bound to besides its store, table, column and bilan (`cipher`): the
# key of its row, where the row has one that never changes over its life — the field's name
# (`champs.champ`), the satisfaction's moment, the rendez-vous's number (never reused nor
# renumbered), the entretien's and the document's `id` (INTEGER PRIMARY KEY: VACUUM keeps it;
# not the entretien's `numero`, which was renumbered once). Not bound to a row: the values
# of tables with one row a bilan (`bilans.motif_abandon`, `suivis`), and `corrections.motif`
# (its row's id is not read with it): a motive moved to another correction of the bilan opens.
ROW_KEYS = {"champs": "champ", "satisfactions": "moment", "rdv": "numero",
            "entretiens": "id", "documents": "id"}


def bound_column(table: str, column: str, row=None) -> str:
    """The column as its values are bound (`keys.seal`, `keys.open`): qualified by the row's
    key for the tables of `ROW_KEYS` (refused without one: a value bound to no row would open
    in any)."""
    if table not in ROW_KEYS:
        return column
    if row is None:
        raise ValueError(f"{table}.{column}: sealed with the row's {ROW_KEYS[table]}")
    return cipher.qualified(column, row)


def group(table: str, doc_type: str | None = None) -> str | None:
    """The group of the key a value of this table (a document of this type) is sealed under."""
    return SYNTHESE if table == "documents" and doc_type == SYNTHESE_TYPE else None


def set_up(conn, keys) -> bool:
    """The end of the first write of a store, inside its write transaction: a new store gets
    its id, master key and store of keys; every value in clear of every sealed column is
    sealed in place (a store of an earlier version; what the transaction wrote before the
    store was set up). True when content in clear was replaced: once committed, its
    plaintext must be destroyed (`Store.destroy_plaintext`). Nothing for a store set up."""
    keys.forget_state()   # read under the write lock: another command may have set it up
    current = keys.state
    if current is not None and not current.clear:
        return False
    if current is None:
        keys.set_up(os.urandom(16).hex(), clear=False)
    else:
        conn.execute("UPDATE chiffrement SET clair = 0")
        keys.forget_state()
    return seal_in_place(conn, keys) > 0


def seal_in_place(conn, keys) -> int:
    """Seal every value still in clear of every sealed column; how many were."""
    sealed = 0
    for table_name, column in sorted(SEALED):
        table = registry.table(table_name)
        kind = ", type" if table_name == "documents" else ", NULL"
        row_key = ROW_KEYS.get(table_name, "NULL")
        # One value in memory at a time: a store's documents may weigh more than the memory.
        rowids = conn.execute(f"SELECT rowid FROM {table_name} WHERE {column} IS NOT NULL").fetchall()
        for (rowid,) in rowids:
            bilan_id, value, doc_type, row = conn.execute(
                f"SELECT {table.key}, {column}{kind}, {row_key} FROM {table_name} WHERE rowid = ?",
                (rowid,)).fetchone()
            if cipher.is_sealed(value):
                continue
            conn.execute(f"UPDATE {table_name} SET {column} = ? WHERE rowid = ?",
                         (keys.seal(table_name, bound_column(table_name, column, row), bilan_id, value,
                                    group(table_name, doc_type)),
                          rowid))
            sealed += 1
    return sealed
