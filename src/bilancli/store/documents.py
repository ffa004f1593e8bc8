"""The kept copy of the synthèse: one per bilan, the latest rendering (SPEC §4)."""

from __future__ import annotations

from datetime import date

from bilancli.core.documents import SYNTHESE_TYPE
from bilancli.store.records import add_document


def keep_synthese_copy(conn, bilan_id: str, *, content: bytes, filename: str, titre: str,
                       phase: str, on: date) -> int:
    """Replace any earlier copy: the beneficiary's document is the last one handed over.

    `secure_delete` is on, so the replaced bytes do not linger in free pages.
    """
    conn.execute("DELETE FROM documents WHERE bilan_id = ? AND type = ?", (bilan_id, SYNTHESE_TYPE))
    return add_document(
        conn, bilan_id, type_=SYNTHESE_TYPE, titre=titre, content=content, filename=filename,
        phase=phase, on=on,
    )
