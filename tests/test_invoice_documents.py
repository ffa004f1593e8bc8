"""An issued invoice never changes: its document is rendered from what was frozen at issue,
byte for byte the same whatever was changed since in the bilan, the settings or the date."""

import sqlite3
import stat

import pytest
from paperwork import CABINET, configure, eur, held, refused


@pytest.fixture
def issued(bilan):
    configure(bilan)
    bid = held(bilan, "--financement", "plan", "--employeur", "Transports Durand",
               entretiens=(("2026-02-02", 120), ("2026-02-16", 90)))
    bilan("facture", bid, "--adresse", "3 avenue de Lyon, 84000 Avignon", "--date", "2026-02-20")
    return bid


def test_the_invoice_carries_every_mention_of_cgi_242_nonies_a(bilan, issued):
    text = bilan("facture", "render", "F2026-0001", "--format", "md", "-o", "-").stdout
    for mention in (
        "Facture n° F2026-0001", "MY CAMPUS", "74 rue Jean Bouin, 84800 L'Isle-sur-la-Sorgue",
        "SIRET 840 123 459 00017", "Déclaration d'activité n° 93840000000",
        "Transports Durand", "3 avenue de Lyon, 84000 Avignon",
        "Date d'émission | 20 février 2026", "Date d'échéance | 22 mars 2026",
        "Bilan de compétences (article L6313-1, 2° du Code du travail)", "Claire Martin",
        "du 2 février 2026 au 16 février 2026", "3h30", f"Total HT | {eur('1 800,00')}",
        "Exonération de TVA, article 261-4-4° a du CGI", "Pas d'escompte",
        "IBAN **FR76 3000 6000 0112 3456 7890 189**", "40 €", "L441-10",
        "Catégorie de l'opération : prestation de services",
    ):
        assert mention in text, mention


def _render_all(bilan, tmp_path, tag):
    found = {}
    for fmt in ("md", "html", "pdf"):
        target = tmp_path / f"{tag}.{fmt}"
        bilan("facture", "render", "F2026-0001", "--format", fmt, "-o", str(target))
        found[fmt] = target.read_bytes()
    return found


def test_rendering_again_after_every_change_gives_the_same_bytes(bilan, issued, tmp_path):
    before = _render_all(bilan, tmp_path, "avant")
    # Everything the invoice was made of changes: the bilan, the cabinet, the settings, the day.
    bilan("set", issued, "nom", "Dupont")
    bilan("set", issued, "employeur", "Autre Employeur SA")
    bilan("set", issued, "tarif", "2400")
    (bilan.home / "config.toml").write_text(
        CABINET.replace("MY CAMPUS", "NOUVEAU NOM").replace("74 rue Jean Bouin", "1 place Neuve")
        + '[facturation]\ntva = "assujettie"\ntaux = 10\ndelai_paiement = "45 jours"\n',
        encoding="utf-8")
    bilan.today("2031-07-14")
    after = _render_all(bilan, tmp_path, "apres")
    assert before == after
    assert before["pdf"].startswith(b"%PDF") and b"NOUVEAU" not in after["md"]
    assert "Claire Martin" in after["md"].decode() and "Dupont" not in after["md"].decode()


def test_the_default_file_is_private_and_recorded_for_the_purge(bilan, issued):
    bilan("facture", "render", "F2026-0001", "--format", "html")
    bilan("facture", "render", "F2026-0001", "--format", "html")     # the same bytes: one record
    target = bilan.home / "documents" / "factures" / "facture-F2026-0001.html"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    conn = sqlite3.connect(bilan.home / "bilans.db")
    rows = conn.execute("SELECT facture, bilan_id, chemin FROM rendus_factures").fetchall()
    assert rows == [("F2026-0001", issued, "documents/factures/facture-F2026-0001.html")]
    # Never a file of the bilan's content: the R6313-7 purge does not know it.
    assert conn.execute("SELECT COUNT(*) FROM rendus").fetchone()[0] == 0


def test_stdout_writes_no_file_and_records_nothing(bilan, issued):
    before = bilan.db_bytes()
    out = bilan("facture", "render", "F2026-0001", "--format", "html", "-o", "-").stdout
    assert out.startswith("<!DOCTYPE html>") and bilan.db_bytes() == before
    assert not (bilan.home / "documents").exists()


def test_user_text_on_an_invoice_is_data(bilan):
    configure(bilan)
    bid = held(bilan, "--financement", "personnel", nom="<b>{{ 7*7 }}</b>")
    bilan("facture", bid, "--adresse", "2 rue Vernet, 84000 Avignon")
    html = bilan("facture", "render", "F2026-0001", "--format", "html", "-o", "-").stdout
    assert "&lt;b&gt;{{ 7*7 }}&lt;/b&gt;" in html and "49" not in html


def test_a_credit_note_renders_as_one(bilan, issued):
    bilan("avoir", "F2026-0001", "--motif", "Adresse erronée", "--date", "2026-02-25")
    text = bilan("facture", "render", "F2026-0002", "--format", "md", "-o", "-").stdout
    assert "# Avoir n° F2026-0002" in text and "n° F2026-0001 du 20 février 2026" in text
    assert "Adresse erronée" in text and f"-{eur('1 800,00')}" in text
    assert "Conditions de paiement" not in text
    bilan("facture", "render", "F2026-0002", "--format", "html")
    assert (bilan.home / "documents" / "factures" / "avoir-F2026-0002.html").exists()


def test_rendering_an_unknown_invoice_is_refused(bilan, issued):
    refused(bilan, "facture", "render", "F2026-0002", "--format", "md", key="FACTURE_INCONNUE")
    refused(bilan, "facture", "render", "F2026", "--format", "md", key="FACTURE_NUMERO_MALFORME")
    refused(bilan, "facture", "render", "F2026-0001", "--format", "odt", key="FORMAT_INCONNU")


def test_a_cpf_invoice_says_the_number_is_the_one_to_enter_in_edof(bilan):
    configure(bilan)
    bid = held(bilan)
    bilan("facture", bid)
    text = bilan("facture", "render", "F2026-0001", "--format", "md", "-o", "-").stdout
    assert "Caisse des Dépôts et Consignations" in text
    assert "celui à saisir dans EDOF" in text and "numéro de facture **F2026-0001**" in text


def test_the_pdf_holds_no_clock_of_the_day_it_is_rendered(bilan, issued, tmp_path, monkeypatch):
    """fontTools stamps each embedded font with the time it was subset; a moving clock shows
    the invoice's PDF does not follow it (and that without the fixed epoch, it would)."""
    import itertools
    import time
    import types

    from fontTools.misc import timeTools

    from bilancli.render.output import html_to_pdf

    clock = itertools.count(1_900_000_000, 86_400)
    monkeypatch.setattr(timeTools, "time", types.SimpleNamespace(time=lambda: next(clock),
                                                                 gmtime=time.gmtime))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = tmp_path / "a.pdf"
    second = tmp_path / "b.pdf"
    bilan("facture", "render", "F2026-0001", "--format", "pdf", "-o", str(first))
    bilan("facture", "render", "F2026-0001", "--format", "pdf", "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
    html = bilan("facture", "render", "F2026-0001", "--format", "html", "-o", "-").stdout
    assert html_to_pdf(html, tmp_path) != html_to_pdf(html, tmp_path)
