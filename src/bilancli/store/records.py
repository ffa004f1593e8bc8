"""Writing what happens during and after a bilan: entretiens, convention, phases, documents,
renderings, follow-up, satisfaction, EDOF. Each function is one statement of a command's
transaction; the rules that allow it live in `core/`.
"""

from __future__ import annotations

from datetime import date

from bilancli.core.dates import iso
from bilancli.store.bilans import record_phase


def add_entretien(conn, bilan_id: str, *, on: date, minutes: int, modalite: str, phase: str,
                  notes: str | None = None) -> int:
    cursor = conn.execute(
        "INSERT INTO entretiens (bilan_id, date, duree_minutes, modalite, phase, notes) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (bilan_id, iso(on), minutes, modalite, phase, notes),
    )
    return cursor.lastrowid


def convention_sent(conn, bilan_id: str, on: date) -> None:
    """A (new) draft transmitted: any earlier signature no longer stands."""
    conn.execute(
        """INSERT INTO conventions (bilan_id, transmise, signee) VALUES (?, ?, NULL)
           ON CONFLICT (bilan_id) DO UPDATE SET transmise = excluded.transmise, signee = NULL""",
        (bilan_id, iso(on)),
    )


def convention_signed(conn, bilan_id: str, on: date) -> None:
    conn.execute("UPDATE conventions SET signee = ? WHERE bilan_id = ?", (iso(on), bilan_id))


def enter_phase(conn, bilan_id: str, phase: str, on: date, *, date_fin: date | None = None,
                motif: str | None = None) -> None:
    """Move to `phase` and keep the history; `date_fin` when the action ends."""
    conn.execute(
        "UPDATE bilans SET phase = ?, date_fin = COALESCE(?, date_fin), "
        "motif_abandon = COALESCE(?, motif_abandon) WHERE id = ?",
        (phase, iso(date_fin), motif, bilan_id),
    )
    record_phase(conn, bilan_id, phase, on)


def add_document(conn, bilan_id: str, *, type_: str, titre: str, content: bytes,
                 filename: str | None, phase: str | None, on: date) -> int:
    cursor = conn.execute(
        "INSERT INTO documents (bilan_id, type, titre, nom_fichier, taille, contenu, phase, cree_le) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (bilan_id, type_, titre, filename, len(content), content, phase, iso(on)),
    )
    return cursor.lastrowid


def document_content(conn, bilan_id: str, doc_id: int):
    """The row (contenu) of one of this bilan's documents, or None."""
    return conn.execute(
        "SELECT contenu FROM documents WHERE bilan_id = ? AND id = ?",
        (bilan_id, doc_id),
    ).fetchone()


def add_rendering(conn, bilan_id: str, *, kind: str, format_: str, path: str, sha256: str,
                  phase: str | None, on: date) -> int:
    """Record a file written under documents/ (or elsewhere with -o) so the purge can destroy it.

    `path` is relative to BILAN_HOME when the file is inside it, absolute otherwise.
    """
    cursor = conn.execute(
        "INSERT INTO rendus (bilan_id, genre, format, chemin, sha256, phase, cree_le) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (bilan_id, kind, format_, path, sha256, phase, iso(on)),
    )
    return cursor.lastrowid


def record_suivi(conn, bilan_id: str, on: date, notes: str | None) -> None:
    conn.execute(
        """INSERT INTO suivis (bilan_id, date, notes) VALUES (?, ?, ?)
           ON CONFLICT (bilan_id) DO UPDATE SET date = excluded.date, notes = excluded.notes""",
        (bilan_id, iso(on), notes),
    )


def record_satisfaction(conn, bilan_id: str, *, moment: str, note: int, commentaire: str | None,
                        on: date) -> None:
    conn.execute(
        """INSERT INTO satisfactions (bilan_id, moment, note, commentaire, date) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (bilan_id, moment) DO UPDATE
           SET note = excluded.note, commentaire = excluded.commentaire, date = excluded.date""",
        (bilan_id, moment, note, commentaire, iso(on)),
    )


def record_edof(conn, bilan_id: str, sens: str, on: date) -> None:
    conn.execute(
        """INSERT INTO edof (bilan_id, sens, date) VALUES (?, ?, ?)
           ON CONFLICT (bilan_id, sens) DO UPDATE SET date = excluded.date""",
        (bilan_id, sens, iso(on)),
    )
