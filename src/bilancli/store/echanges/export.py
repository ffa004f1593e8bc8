"""What the store holds of one bilan for its beneficiary's copy (RGPD art. 15 and 20): the
snapshot, and the texts and bytes no snapshot ever holds — entretien and suivi notes, the
motives, satisfaction comments, the stored documents' bytes —, read in one transaction so
that the copy is of one moment of the record."""

from __future__ import annotations

from collections import namedtuple

from bilancli.store.dossier.bilans import load, proof_content
from bilancli.store.scellement import bound_column, group


class StoredFile(namedtuple("StoredFile", "id type titre filename content")):
    """A stored document (a file added with `doc add`, the kept synthèse) and its bytes."""

    __slots__ = ()


class Held(namedtuple("Held", "bilan entretien_notes suivi_notes suivi_motif comments rdv_motives"
                              " files proof", defaults=(None,))):
    """The snapshot and, beside it: entretien number → notes, the suivi's notes and motive,
    satisfaction moment → comment, rendez-vous number → motive of its cancellation (each
    only where one is written), the stored documents in order, and the bytes of the signed
    convention kept (None without one)."""

    __slots__ = ()


def held(conn, keys, bilan_id: str) -> Held:
    """Everything held of one bilan (refused, like `load`, for an unknown id), its content
    opened with the store's `keys`."""
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")   # deferred: a read lock, the same moment for every query
    try:
        bilan = load(conn, bilan_id, keys)
        one = (bilan_id,)

        def opened(table, column, value, kept=None, row=None):
            return keys.open(table, bound_column(table, column, row), bilan_id, value, kept)

        notes = {n: opened("entretiens", "notes", v, row=i) for i, n, v in conn.execute(
            "SELECT id, numero, notes FROM entretiens WHERE bilan_id = ? AND notes IS NOT NULL "
            "ORDER BY numero", one)}
        suivi = conn.execute("SELECT notes, motif FROM suivis WHERE bilan_id = ?", one).fetchone()
        if suivi is not None:
            suivi = (opened("suivis", "notes", suivi[0]), opened("suivis", "motif", suivi[1]))
        comments = {m: opened("satisfactions", "commentaire", v, row=m) for m, v in conn.execute(
            "SELECT moment, commentaire FROM satisfactions WHERE bilan_id = ? "
            "AND commentaire IS NOT NULL ORDER BY moment", one)}
        motives = {n: opened("rdv", "motif", v, row=n) for n, v in conn.execute(
            "SELECT numero, motif FROM rdv WHERE bilan_id = ? AND motif IS NOT NULL "
            "ORDER BY numero", one)}
        files = [StoredFile(i, t, opened("documents", "titre", titre, group("documents", t), i),
                            opened("documents", "nom_fichier", name, group("documents", t), i),
                            bytes(opened("documents", "contenu", content, group("documents", t), i)))
                 for i, t, titre, name, content in
                 conn.execute("SELECT id, type, titre, nom_fichier, contenu FROM documents "
                              "WHERE bilan_id = ? ORDER BY id", one)]
        proof = proof_content(conn, bilan_id)
    finally:
        if began:
            conn.execute("COMMIT")
    return Held(bilan, notes, suivi[0] if suivi else None, suivi[1] if suivi else None, comments,
                motives, tuple(files), proof)
