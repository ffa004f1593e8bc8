"""The bytes of a stored document, read apart from the snapshot (which never holds them)."""

from __future__ import annotations


def document_content(conn, bilan_id: str, doc_id: int) -> bytes | None:
    row = conn.execute("SELECT contenu FROM documents WHERE bilan_id = ? AND id = ?",
                       (bilan_id, doc_id)).fetchone()
    return None if row is None else bytes(row[0])
