"""Accounting and quality records under their own rules: invoices kept ten years after the end
of their year (Code de commerce L123-22) whatever becomes of the bilan, then destroyed with
their payments and files; réclamation texts destroyed three years after the closing."""

import sqlite3
from datetime import date

import storeio as records
from docstore import writing
from paperwork import configure, held
from test_purge_traces import traces

BUYER, STREET = "QZXACHETEURXZQ", "QZXRUEXZQ"


def _old_invoice(bilan, year=2015, nom="Martin"):
    """A bilan of `year`, invoiced to a named buyer, paid, rendered, then ended."""
    configure(bilan)
    bilan.today(f"{year}-06-01")
    bid = bilan.new("--financement", "plan", "--employeur", "X", "--tarif", "1800", "--date",
                    f"{year}-05-04", nom=nom)
    with writing(bilan.home) as conn:
        records.add_entretien(conn, bid, on=date(year, 5, 5), minutes=120, modalite="visio",
                              phase="preliminaire")
    numero = bilan.json("facture", bid, "--destinataire", BUYER, "--adresse", STREET)["numero"]
    bilan("paiement", numero, "--date", f"{year}-06-01", "--montant", "1800")
    bilan("facture", "render", numero, "--format", "html")
    bilan("abandon", bid, "--date", f"{year}-06-01")
    return bid, numero


def _count(bilan, sql):
    conn = sqlite3.connect(bilan.home / "bilans.db")
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_the_content_purge_and_the_anonymisation_leave_the_invoice_whole(bilan, tmp_path):
    bid, numero = _old_invoice(bilan, 2019, nom="QZXBENEFXZQ")
    before = bilan("facture", "render", numero, "--format", "md", "-o", "-").stdout
    bilan.today("2026-03-02")
    report = bilan.json("purge", "--yes")
    natures = {d["nature"] for b in report["bilans"] for d in b["destructions"]}
    assert "identite" in natures and not natures & {"factures", "paiements", "fichiers_factures"}
    assert bilan.json("show", bid)["nom"] is None                      # anonymised
    # The law keeps the invoice, the buyer and the beneficiary it names, for ten years.
    assert set(traces(bilan.home, [BUYER, STREET, "QZXBENEFXZQ"])) == {BUYER, STREET, "QZXBENEFXZQ"}
    assert bilan("facture", "render", numero, "--format", "md", "-o", "-").stdout == before
    assert bilan.json("factures")[0]["statut"] == "payee"
    assert bilan.json("show", bid)["factures"] == [numero]


def test_invoices_go_on_the_first_of_january_after_the_tenth_year(bilan):
    bid, numero = _old_invoice(bilan, 2015)
    recent, _ = _old_invoice(bilan, 2025, nom="Durand")
    bilan.today("2025-12-31")
    bilan("purge", "--yes")
    assert [r["numero"] for r in bilan.json("factures")] == [numero, "F2025-0001"]
    assert set(traces(bilan.home, [BUYER, STREET])) == {BUYER, STREET}   # the scan can fail

    bilan.today("2026-01-01")
    dry = bilan.json("purge", "--dry-run")
    (entry,) = [b for b in dry["bilans"] if b["id"] == bid]
    assert {(d["nature"], d["nombre"], d["regle"], d["echeance"]) for d in entry["destructions"]} == {
        ("factures", 1, "Code de commerce L123-22", "2026-01-01"),
        ("paiements", 1, "Code de commerce L123-22", "2026-01-01"),
        ("fichiers_factures", 1, "Code de commerce L123-22", "2026-01-01"),
    }
    assert [r["numero"] for r in bilan.json("factures")] == [numero, "F2025-0001"]   # dry run

    report = bilan.json("purge", "--yes")
    assert BUYER not in str(report)
    assert [r["numero"] for r in bilan.json("factures")] == ["F2025-0001"]
    assert not (bilan.home / "documents" / "factures" / f"facture-{numero}.html").exists()
    # The 2025 invoice, its buyer and file stay; nothing of the 2015 one is left anywhere.
    assert (bilan.home / "documents" / "factures" / "facture-F2025-0001.html").exists()
    conn = sqlite3.connect(bilan.home / "bilans.db")
    assert conn.execute("SELECT COUNT(*) FROM paiements").fetchone()[0] == 1
    assert conn.execute("SELECT nature, nombre, regle FROM purges WHERE bilan_id = ? AND regle = ?"
                        " ORDER BY nature", (bid, "Code de commerce L123-22")).fetchall() == [
        ("factures", 1, "Code de commerce L123-22"), ("fichiers_factures", 1, "Code de commerce L123-22"),
        ("paiements", 1, "Code de commerce L123-22")]
    conn.close()
    assert bilan.json("purge", "--yes")["bilans"] == []          # idempotent


def test_no_trace_of_a_destroyed_invoice_survives_under_bilan_home(bilan):
    _old_invoice(bilan, 2015)
    bilan.today("2026-01-01")
    assert set(traces(bilan.home, [BUYER, STREET])) == {BUYER, STREET}
    bilan("purge", "--yes")
    assert traces(bilan.home, [BUYER, STREET]) == {}


def test_a_destroyed_number_is_never_given_again(bilan):
    bid, numero = _old_invoice(bilan, 2015)
    bilan.today("2026-01-01")
    bilan("purge", "--yes")
    assert _count(bilan, "SELECT COUNT(*) FROM factures") == 0
    configure(bilan)
    late = held(bilan, "--financement", "personnel")
    with writing(bilan.home) as conn:
        records.add_entretien(conn, late, on=date(2015, 6, 1), minutes=60, modalite="visio",
                              phase="preliminaire")
        conn.execute("UPDATE bilans SET date_ouverture = '2015-05-01' WHERE id = ?", (late,))
    # Dated before the last number given, even a destroyed one: refused; after it, the next.
    bilan("facture", late, "--adresse", "2 rue Vernet, 84000 Avignon", "--montant", "10", "--date", "2015-05-30", code=1)
    assert bilan.json("facture", late, "--adresse", "2 rue Vernet, 84000 Avignon", "--montant", "10", "--date", "2015-06-02")["numero"] == "F2015-0002"


def test_a_rendered_invoice_changed_by_hand_is_not_destroyed_and_is_reported(bilan):
    _, numero = _old_invoice(bilan, 2015)
    path = bilan.home / "documents" / "factures" / f"facture-{numero}.html"
    path.write_text("annotée à la main")
    bilan.today("2026-01-01")
    result = bilan("purge", "--yes", code=1)
    assert result.key == "PURGE_INCOMPLETE", result.stderr
    assert str(path.relative_to(bilan.home)) in result.stderr
    assert path.read_text() == "annotée à la main"
    assert _count(bilan, "SELECT COUNT(*) FROM factures") == 0          # the rows went
    assert _count(bilan, "SELECT COUNT(*) FROM rendus_factures") == 1   # the file stays listed
    path.unlink()
    bilan("purge", "--yes")
    assert _count(bilan, "SELECT COUNT(*) FROM rendus_factures") == 0


def _complaint(bilan, received, closed=None, tag="QZXPLAINTEXZQ"):
    numero = bilan.json("reclamation", "add", "--date", received, "--origine", "employeur",
                        "--canal", "courrier", "--objet", f"{tag} objet")["numero"]
    if closed:
        bilan("reclamation", "answer", numero, "--date", closed, "--reponse", f"{tag} réponse")
        bilan("reclamation", "close", numero, "--date", closed, "--action", f"{tag} action")
    return numero


def test_complaint_texts_go_three_years_after_the_closing_and_the_register_stays(bilan):
    bilan.today("2022-03-01")
    closed = _complaint(bilan, "2022-02-01", "2022-03-01", tag="QZXCLOSEXZQ")
    still_open = _complaint(bilan, "2022-02-15", tag="QZXOPENXZQ")
    bilan.today("2025-02-28")
    assert bilan.json("purge", "--yes")["reclamations"] == []
    assert bilan.json("reclamation", "show", closed)["objet"] == "QZXCLOSEXZQ objet"

    bilan.today("2025-03-01")
    assert set(traces(bilan.home, ["QZXCLOSEXZQ"])) == {"QZXCLOSEXZQ"}
    (entry,) = bilan.json("purge", "--yes")["reclamations"]
    assert entry["numero"] == closed
    assert entry["destructions"] == [{"nature": "textes_reclamation", "nombre": 3,
                                      "octets": len("QZXCLOSEXZQ objet") + len("QZXCLOSEXZQ réponse".encode())
                                      + len("QZXCLOSEXZQ action"),
                                      "regle": "Qualiopi indicateur 31 : 3 ans",
                                      "echeance": "2025-03-01"}]
    assert traces(bilan.home, ["QZXCLOSEXZQ"]) == {}
    assert set(traces(bilan.home, ["QZXOPENXZQ"])) == {"QZXOPENXZQ"}   # open: kept
    shown = bilan.json("reclamation", "show", closed)
    assert (shown["objet"], shown["reponse"], shown["action"]) == (None, None, None)
    assert (shown["date"], shown["close_le"], shown["textes_detruits_le"]) == (
        "2022-02-01", "2022-03-01", "2025-03-01")
    assert "détruit le 01/03/2025" in bilan("reclamation", "show", closed).stdout
    assert [r["numero"] for r in bilan.json("reclamation", "list")] == [closed, still_open]
    assert bilan.json("stats", "--annee", "2022")["reclamations"] == {
        "recues": 2, "closes": 1, "delai_moyen_jours": 28.0}
    assert bilan.json("purge", "--yes")["reclamations"] == []          # idempotent
    assert _count(bilan, "SELECT COUNT(*) FROM purges_reclamations") == 1


def test_a_certificat_stays_after_the_content_purge_and_goes_at_the_anonymisation(bilan):
    configure(bilan)
    bilan.today("2020-06-01")
    bid = bilan.new("--date", "2020-05-04", nom="QZXCERTNOMXZQ")
    with writing(bilan.home) as conn:
        records.add_entretien(conn, bid, on=date(2020, 5, 5), minutes=120, modalite="visio",
                              phase="preliminaire")
    bilan("abandon", bid, "--date", "2020-06-01")
    bilan("certificat", "render", bid, "--format", "html")            # rendered after the end
    path = bilan.home / "documents" / bid / f"certificat-{bid}.html"
    bilan.today("2020-06-02")
    bilan("purge", "--yes")
    assert path.exists()                                               # administrative evidence
    assert all(i["quoi"] != "purge" for i in bilan.json("agenda"))     # nothing owed meanwhile
    bilan.today("2025-06-01")
    report = bilan.json("purge", "--yes")
    (entry,) = report["bilans"]
    assert {d["nature"] for d in entry["destructions"]} == {"identite", "fichiers_administratifs"}
    assert not path.exists() and traces(bilan.home, ["QZXCERTNOMXZQ"]) == {}
