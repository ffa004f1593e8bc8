"""Writing a case straight into a test's store, through the store's own writers
(`store.writes`): to set up what no command could (a past phase, a record dated before the
checks), with the same statements the commands apply."""

from __future__ import annotations

import os

from bilancli.core import changes as ch
from bilancli.store import writes
from bilancli.store.cles.trousseau import Keys

_KEYS: dict = {}


def keys_of(conn) -> Keys:
    """The data keys of the store open on `conn`, as its commands use them: content is
    sealed once the store is set up, written in clear into a store that is not yet (a store
    of the previous version)."""
    found = _KEYS.get(id(conn))
    if found is None or found[0] is not conn:
        home = os.path.dirname(conn.execute("PRAGMA database_list").fetchone()[2])
        found = _KEYS[id(conn)] = (conn, Keys(home, lambda: conn))
    return found[1]


def apply(conn, change):
    return writes.apply(conn, change, keys_of(conn))


def opened(home, table: str, column: str, bilan_id: str, where: str = "bilan_id = ?", args=None,
           group=None):
    """The values of a sealed column as written (`keys.open`), read from the raw store."""
    from bilancli.store.db import Store

    store = Store(home, create=False)
    try:
        rows = store.conn.execute(f"SELECT {column} FROM {table} WHERE {where}",
                                  args or (bilan_id,)).fetchall()
        return [store.keys.open(table, column, bilan_id, r[0], group) for r in rows]
    finally:
        store.close()


def create(conn, *, opened_on, admin) -> str:
    return apply(conn, ch.Opening(opened_on, admin))


def set_content(conn, bilan_id, field, text, on) -> None:
    apply(conn, ch.FieldSet(bilan_id, field, text, on))


def record_consent(conn, bilan_id, kind, on) -> None:
    apply(conn, ch.RowAdded("consentements", {"bilan_id": bilan_id, "type": kind, "date": on}))


def add_entretien(conn, bilan_id, *, on, minutes, modalite, phase, notes=None) -> int:
    return apply(conn, ch.EntretienHeld(bilan_id, on, minutes, modalite, phase, notes))


def remove_entretien(conn, bilan_id, numero, *, on, motif=None) -> None:
    """Entretien `numero` removed with a trail (its values before) and the motive typed."""
    before = {"date": on.isoformat(), "duree_minutes": 60, "modalite": "visio", "phase": "preliminaire"}
    apply(conn, ch.EntretienRemoved(bilan_id, numero, on, f"entretien {numero}", before, motif))


def enter_phase(conn, bilan_id, phase, on, *, date_fin=None, motif=None) -> None:
    apply(conn, ch.PhaseEntered(bilan_id, phase, None, on, date_fin, motif))


def add_document(conn, bilan_id, *, type_, titre, content, filename, phase, on) -> int:
    return apply(conn, ch.DocumentStored(bilan_id, type_, titre, content, filename, phase, on))


def add_rendering(conn, bilan_id, *, kind, format_, path, sha256, phase, on,
                  retention="contenu") -> int:
    return apply(conn, ch.Rendered(bilan_id, kind, format_, path, sha256, phase, on, None, retention))


def record_suivi(conn, bilan_id, on, notes) -> None:
    apply(conn, ch.SuiviHeld(bilan_id, on, notes))


def record_satisfaction(conn, bilan_id, *, moment, note, commentaire, on) -> None:
    apply(conn, ch.SatisfactionAnswered(bilan_id, moment, note, commentaire, on))


def convention_sent(conn, bilan_id, on) -> None:
    apply(conn, ch.ConventionSent(bilan_id, on, None))


def convention_signed(conn, bilan_id, on) -> None:
    apply(conn, ch.RowsUpdated("conventions", {"signee": on}, {"bilan_id": bilan_id}))


def record_edof(conn, bilan_id, sens, on) -> None:
    apply(conn, ch.EdofDeclared(bilan_id, sens, on))


def withdraw_consent(conn, bilan_id, kind, on) -> None:
    apply(conn, ch.ConsentWithdrawn(bilan_id, kind, on))


def plan_rdv(conn, bilan_id, *, start, minutes, modalite="presentiel", lieu=None, lien=None,
             on) -> int:
    return apply(conn, ch.RdvPlanned(bilan_id, start, minutes, modalite, lieu, lien, on))


def cancel_rdv(conn, bilan_id, numero, *, on, par=None, motif=None) -> None:
    apply(conn, ch.RdvCancelled(bilan_id, numero, on, par, motif))
