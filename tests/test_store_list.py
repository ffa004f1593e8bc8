"""`bilan list --json` built by SQLite says exactly what the Python rendering says."""

import json

from bilancli.cli.dossier.listview import list_rows_json
from bilancli.store.db import Store
from bilancli.store.dossier import bilans


def test_sqlite_json_and_python_json_agree(bilan):
    bilan.new("--date", "2025-12-31", nom="Élodie « guillemets »", prenom='Anne "A"')
    bilan.new("--date", "2026-01-02", nom="Null", prenom="\\n pas une fin de ligne")
    bilan.new("--date", "2026-01-02", nom="Même jour")
    store = Store(bilan.home)
    try:
        for phase in (None, "preliminaire", "termine"):
            from_sql = json.loads(bilans.list_json(store.conn, phase))
            assert from_sql == list_rows_json(bilans.list_rows(store.conn, phase))
        assert [r["id"] for r in json.loads(bilans.list_json(store.conn))] == ["2026-002", "2026-001", "2025-001"]
    finally:
        store.close()
