"""Migrations apply in order to an older store, and the attendance totals stay right."""

from bilancli.store import schema
from bilancli.store.db import Store


def totals(conn, bilan_id):
    return tuple(conn.execute(
        "SELECT premier_entretien, dernier_entretien, minutes_realisees FROM bilans WHERE id = ?",
        (bilan_id,)).fetchone())


def test_a_store_of_the_first_version_is_migrated_and_backfilled(tmp_path, monkeypatch):
    home = tmp_path / "ancien"
    with monkeypatch.context() as first_version:
        first_version.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        first_version.setattr(schema, "SCHEMA_VERSION", 1)
        old = Store(home)
        with old.write() as conn:
            conn.execute("INSERT INTO bilans (id, annee, numero, nom, date_ouverture) "
                         "VALUES ('2022-001', 2022, 1, 'Ancien', '2022-01-03')")
            conn.executemany(
                "INSERT INTO entretiens (bilan_id, date, duree_minutes, modalite, phase) "
                "VALUES ('2022-001', ?, ?, 'visio', 'preliminaire')",
                [("2022-01-10", 90), ("2022-01-05", 120)],
            )
        assert "minutes_realisees" not in {r[1] for r in conn.execute("PRAGMA table_info(bilans)")}
        old.close()
    store = Store(home)
    try:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert totals(store.conn, "2022-001") == ("2022-01-05", "2022-01-10", 210)
        applied = [r[0] for r in store.conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert applied == [name for name, _ in schema.MIGRATIONS]
    finally:
        store.close()


def test_triggers_follow_every_change_of_the_entretiens(bilan):
    bid = bilan.new()
    store = Store(bilan.home)
    try:
        conn = store.conn
        assert totals(conn, bid) == (None, None, 0)
        with store.write():
            conn.execute("INSERT INTO entretiens (bilan_id, date, duree_minutes, modalite, phase) "
                         "VALUES (?, '2026-02-10', 120, 'visio', 'preliminaire')", (bid,))
            conn.execute("INSERT INTO entretiens (bilan_id, date, duree_minutes, modalite, phase) "
                         "VALUES (?, '2026-02-03', 60, 'visio', 'preliminaire')", (bid,))
        assert totals(conn, bid) == ("2026-02-03", "2026-02-10", 180)
        with store.write():
            conn.execute("UPDATE entretiens SET duree_minutes = 90, date = '2026-02-20' "
                         "WHERE bilan_id = ? AND date = '2026-02-03'", (bid,))
        assert totals(conn, bid) == ("2026-02-10", "2026-02-20", 210)
        with store.write():
            conn.execute("DELETE FROM entretiens WHERE bilan_id = ?", (bid,))
        assert totals(conn, bid) == (None, None, 0)
    finally:
        store.close()
