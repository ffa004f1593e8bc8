"""The registry of stored facts knows every column of the store, and the purge destroys
every column it calls content — the list is read from the live schema, so a new column
cannot escape the purge unnoticed."""

import sqlite3
from datetime import date

from purge_helpers import make_ended_bilan
from test_purge_traces import traces

from bilancli import messages as msg
from bilancli.core import registry
from bilancli.core.conservation import retention
from bilancli.store.db import Store


def live_columns(conn):
    """(table, column, declared type) of every table of the live schema."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return [(t, c[1], (c[2] or "").upper()) for t in tables
            for c in conn.execute(f"PRAGMA table_info({t})")]


# Free text the consultant types to say why or how (a motive, notes, a comment): the bilan's
# content (R6313-7), whatever table holds it (SPEC §8: a correction's motive too).
TYPED_TEXT = ("motif", "notes", "commentaire")


def typed_text_columns(conn) -> list[tuple[str, str]]:
    return [(t, c) for t, c, kind in live_columns(conn)
            if "TEXT" in kind and c.split("_")[0] in TYPED_TEXT]


def test_every_text_and_blob_column_of_the_store_is_classified(bilan):
    bilan.new()
    conn = sqlite3.connect(bilan.home / "bilans.db")
    unknown = [(t, c) for t, c, kind in live_columns(conn)
               if t not in registry.INTERNAL_TABLES and ("TEXT" in kind or "BLOB" in kind or not kind)
               and registry.classified(t, c) is None]
    assert unknown == [], f"columns the registry (core/registry.py) does not classify: {unknown}"
    assert all(registry.classified(t, c).retention in registry.CLASSES
               for t, c, _ in live_columns(conn) if registry.classified(t, c))


def test_the_registry_declares_no_column_the_store_does_not_have(bilan):
    bilan.new()
    conn = sqlite3.connect(bilan.home / "bilans.db")
    live = {(t, c) for t, c, _ in live_columns(conn)}
    declared = {(t.name, c.name) for t in registry.TABLES for c in t.columns}
    assert declared - live == set()


def test_every_content_column_is_destroyed_by_a_kind_of_its_table():
    for table in registry.TABLES:
        for column in table.columns:
            if column.retention == registry.CONTENU:
                kind = registry.KINDS_BY_NAME.get(column.kind)
                assert kind is not None and kind.table == table.name, (table.name, column.name)
    for kind in retention.CONTENT_KINDS + retention.SYNTHESIS_KINDS:
        assert kind in msg.PURGE_NATURES, kind


def test_free_text_typed_to_explain_something_is_content(bilan):
    bilan.new()
    conn = sqlite3.connect(bilan.home / "bilans.db")
    typed = typed_text_columns(conn)
    assert ("corrections", "motif") in typed and ("rdv", "motif") in typed
    assert [(t, c) for t, c in typed if registry.classified(t, c).retention != registry.CONTENU] == []


def _plant(conn, bilan_id: str, tag: str) -> list[str]:
    """A marker in every content column, and every column of typed free text, of every row
    this bilan has; each must have a row to hold it (extend `make_ended_bilan` when a table
    is added)."""
    planted = []
    text_columns = {(t, c) for t, c, kind in live_columns(conn) if "TEXT" in kind or "BLOB" in kind}
    content = registry.columns_of(registry.CONTENU)
    for table_name, column in content + [c for c in typed_text_columns(conn) if c not in content]:
        if (table_name, column) not in text_columns:
            continue
        key = registry.table(table_name).key
        value = f"QZX{tag}{table_name}{column}XZQ"
        where = f"{key} = ?"
        if table_name == "champs" and column == "champ":
            continue   # the field's name is a key of its row, which goes with it
        changed = conn.execute(f"UPDATE {table_name} SET {column} = ? WHERE {where}",
                               (value, bilan_id)).rowcount
        assert changed, f"no row of {table_name} to plant a marker in {column}"
        planted.append(value)
    return planted


def _planted(home, tag: str) -> tuple[str, list[str]]:
    """An ended bilan with a marker in every content column, and those markers."""
    gone = make_ended_bilan(home, tag, end=date(2026, 2, 1))
    store = Store(home)
    try:
        with store.write() as conn:
            conn.execute("UPDATE bilans SET motif_abandon = 'x' WHERE id = ?", (gone,))
            return gone, _plant(conn, gone, tag)
    finally:
        store.close()


def test_the_purge_leaves_nothing_of_any_content_column(bilan):
    _, planted = _planted(bilan.home, "REG")
    assert set(traces(bilan.home, planted)) == set(planted)   # the scan can fail
    bilan("purge", "--yes")
    assert traces(bilan.home, planted) == {}


def test_the_agenda_and_figures_read_no_content(bilan):
    """The bulk summaries read administrative facts only: a marker in every content column
    never reaches them."""
    from bilancli.store.snapshots import load_summaries

    gone, planted = _planted(bilan.home, "SUM")
    store = Store(bilan.home)
    try:
        summaries = repr(load_summaries(store.conn))
    finally:
        store.close()
    assert gone in summaries and not any(m in summaries for m in planted)


def test_the_anonymisation_leaves_nothing_of_any_identity_column(bilan):
    """A marker in every identity column (the civilité, the postal address, the signed
    convention kept…) of a record whose anonymisation is due: none survives the purge."""
    gone = make_ended_bilan(bilan.home, "IDT", end=date(2020, 6, 1))
    store = Store(bilan.home)
    try:
        with store.write() as conn:
            conn.execute("INSERT INTO conventions (bilan_id, transmise, signee) VALUES (?, ?, ?)",
                         (gone, "2019-01-02", "2019-01-03"))
            typed = {(t, c): kind for t, c, kind in live_columns(conn)}
            planted = []
            for table_name, column in registry.columns_of(registry.IDENTITE):
                if "TEXT" not in typed[(table_name, column)] and "BLOB" not in typed[(table_name, column)]:
                    continue
                value = f"QZXIDT{table_name}{column}XZQ"
                stored = value.encode() if "BLOB" in typed[(table_name, column)] else value
                key = registry.table(table_name).key
                assert conn.execute(f"UPDATE {table_name} SET {column} = ? WHERE {key} = ?",
                                    (stored, gone)).rowcount, f"no row of {table_name} for {column}"
                planted.append(value)
    finally:
        store.close()
    assert {"QZXIDTbilansadresseXZQ", "QZXIDTconventionspreuveXZQ"} <= set(planted)
    assert set(traces(bilan.home, planted)) == set(planted)   # the scan can fail
    bilan("purge", "--yes")
    assert traces(bilan.home, planted) == {}
