"""Building stores with ended bilans full of content, through the store's own write functions."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date, datetime

import storeio as records
import storeio as store_bilans

from bilancli.store.db import Store

CONTENT_KINDS = ("CHAMP", "ENTRETIEN", "SUIVI", "DOC", "TITRE", "SYNTHDOC", "FICHIER", "SYNTHFICHIER",
                 "MOTIFRDV", "AVIS", "MOTIFCORR")


def marker(tag: str, kind: str) -> str:
    return f"QZX{tag}{kind}XZQ"


def make_ended_bilan(home, tag: str, *, end: date, consents=(), nom: str = "Martin",
                     opened: date | None = None, suivi_notes: bool = True) -> str:
    """An ended bilan holding one unique marker in every kind of content."""
    opened = opened or date(end.year - 1 if end.month < 3 else end.year, 1, 5)
    store = Store(home)
    try:
        with store.write() as conn:
            bid = store_bilans.create(conn, opened_on=opened, admin={
                "nom": nom, "prenom": "Claire", "email": "claire@example.fr",
                "telephone": "0601020304", "employeur": "Logistique SA", "tarif": 180000,
                "statut": "salarie", "financement": "cpf",
            })
            store_bilans.set_content(conn, bid, "demande", marker(tag, "CHAMP"), opened)
            store_bilans.set_content(conn, bid, "projet", "projet " + marker(tag, "CHAMP"), opened)
            records.add_entretien(conn, bid, on=opened, minutes=90, modalite="visio",
                                  phase="preliminaire", notes=marker(tag, "ENTRETIEN"))
            # An entretien typed on the wrong bilan, removed: the motive typed is content.
            typo = records.add_entretien(conn, bid, on=opened, minutes=60, modalite="visio",
                                         phase="preliminaire")
            records.remove_entretien(conn, bid, typo, on=opened, motif=marker(tag, "MOTIFCORR"))
            records.add_document(conn, bid, type_="test", titre=marker(tag, "TITRE"),
                                 content=marker(tag, "DOC").encode() * 50, filename="test.pdf",
                                 phase="investigation", on=opened)
            records.add_document(conn, bid, type_="synthese", titre="Synthèse",
                                 content=marker(tag, "SYNTHDOC").encode(), filename=None,
                                 phase="conclusion", on=opened)
            folder = home / "documents" / bid
            folder.mkdir(parents=True, exist_ok=True)
            for kind, name, text in (("synthese", f"synthese-{bid}.md", "SYNTHFICHIER"),
                                     ("emargement", f"emargement-{bid}.md", "FICHIER")):
                data = marker(tag, text).encode()
                (folder / name).write_bytes(data)
                records.add_rendering(conn, bid, kind=kind, format_="md",
                                      path=f"documents/{bid}/{name}", sha256=hashlib.sha256(data).hexdigest(),
                                      phase="conclusion", on=opened)
            # An administrative file (a convention): no content, kept until the anonymisation.
            convention = f"Convention tripartite {bid}".encode()
            (folder / f"convention-{bid}.md").write_bytes(convention)
            records.add_rendering(conn, bid, kind="convention", format_="md",
                                  path=f"documents/{bid}/convention-{bid}.md",
                                  sha256=hashlib.sha256(convention).hexdigest(),
                                  phase="preliminaire", on=opened, retention="administratif")
            # A rendez-vous cancelled with a motive: the motive is content (R6313-7).
            numero = records.plan_rdv(conn, bid, start=datetime.combine(opened, datetime.min.time()
                                                                        ).replace(hour=10),
                                      minutes=60, on=opened)
            records.cancel_rdv(conn, bid, numero, on=opened, par="beneficiaire",
                               motif=marker(tag, "MOTIFRDV"))
            for kind in consents:
                store_bilans.record_consent(conn, bid, kind, opened)
            records.enter_phase(conn, bid, "termine", end, date_fin=end)
            # The end questionnaire's free comment is content; its score stays.
            records.record_satisfaction(conn, bid, moment="fin", note=4, commentaire=marker(tag, "AVIS"),
                                        on=end)
            if suivi_notes:
                records.record_suivi(conn, bid, end, marker(tag, "SUIVI"))
    finally:
        store.close()
    return bid


def state(home, bid: str) -> dict:
    """What is left of a bilan, read straight from the file."""
    conn = sqlite3.connect(home / "bilans.db")
    try:
        one = lambda sql: conn.execute(sql, (bid,)).fetchone()[0]  # noqa: E731
        return {
            "champs": one("SELECT COUNT(*) FROM champs WHERE bilan_id = ?"),
            "notes_entretien": one("SELECT COUNT(*) FROM entretiens WHERE bilan_id = ? AND notes IS NOT NULL"),
            "entretiens": one("SELECT COUNT(*) FROM entretiens WHERE bilan_id = ?"),
            "notes_suivi": one("SELECT COUNT(*) FROM suivis WHERE bilan_id = ? AND notes IS NOT NULL"),
            "documents": one("SELECT COUNT(*) FROM documents WHERE bilan_id = ? AND type != 'synthese'"),
            "syntheses": one("SELECT COUNT(*) FROM documents WHERE bilan_id = ? AND type = 'synthese'"),
            "rendus_restants": one("SELECT COUNT(*) FROM rendus WHERE bilan_id = ? AND detruit_le IS NULL "
                                   "AND classe != 'administratif'"),
            "administratifs_restants": one("SELECT COUNT(*) FROM rendus WHERE bilan_id = ? "
                                           "AND detruit_le IS NULL AND classe = 'administratif'"),
            "contenu_detruit_le": one("SELECT contenu_detruit_le FROM bilans WHERE id = ?"),
            "anonymise_le": one("SELECT anonymise_le FROM bilans WHERE id = ?"),
            "nom": one("SELECT nom FROM bilans WHERE id = ?"),
            "journal": one("SELECT COUNT(*) FROM purges WHERE bilan_id = ?"),
            "motifs_rdv": one("SELECT COUNT(*) FROM rdv WHERE bilan_id = ? AND motif IS NOT NULL"),
            "rdv": one("SELECT COUNT(*) FROM rdv WHERE bilan_id = ?"),
        }
    finally:
        conn.close()


UNTOUCHED = {"champs": 2, "notes_entretien": 1, "notes_suivi": 1, "documents": 1, "syntheses": 1,
             "rendus_restants": 2, "administratifs_restants": 1, "contenu_detruit_le": None,
             "journal": 0, "motifs_rdv": 1}
# The rendez-vous itself stays (administrative: when, how long, how), its motive goes.
PURGED = {"champs": 0, "notes_entretien": 0, "notes_suivi": 0, "documents": 0, "syntheses": 0,
          "rendus_restants": 0, "motifs_rdv": 0, "rdv": 1}


def matches(found: dict, expected: dict) -> bool:
    return all(found[k] == v for k, v in expected.items())
