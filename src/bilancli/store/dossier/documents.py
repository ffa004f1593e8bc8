"""The bytes of a stored document, read apart from the snapshot (which never holds them)."""

from __future__ import annotations

from bilancli.store.scellement import bound_column, group


def document_content(conn, keys, bilan_id: str, doc_id: int) -> bytes | None:
    """Its bytes, opened with the store's `keys`; None for no such document."""
    row = conn.execute("SELECT type, contenu FROM documents WHERE bilan_id = ? AND id = ?",
                       (bilan_id, doc_id)).fetchone()
    if row is None:
        return None
    return bytes(keys.open("documents", bound_column("documents", "contenu", doc_id), bilan_id, row[1],
                           group("documents", row[0])))
