"""`bilan convocation render ID N`: the letter a beneficiary receives (SPEC §9). Today is
Monday 2 March 2026."""

import sqlite3
import stat

import pytest
from test_cli_guards import refused

CABINET = """[cabinet]
nom = "MY CAMPUS"
adresse = "74 rue Jean Bouin, 84800 L'Isle-sur-la-Sorgue"
consultant = "Anne Roux"
telephone = "04 90 38 00 00"
email = "contact@mycampus.fr"
referent_handicap = "Paul Girard, 04 90 38 00 01"
"""
SECRET = "QZXSECRETXZQ"


@pytest.fixture
def case(bilan):
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(CABINET, encoding="utf-8")
    bid = bilan.new("--financement", "cpf", "--format", "mixte", "--telephone", "06 12 34 56 78",
                    "--date", "2026-02-23", nom="Martin", prenom="Élodie")
    bilan("consent", bid, "bilan", "--date", "2026-02-23")
    bilan("set", bid, "demande", f"Changer de métier {SECRET}")
    bilan("rdv", "add", bid, "--date", "2026-03-02", "--heure", "9h", "--duree", "1h")
    bilan("rdv", "done", bid, "1", "--notes", f"notes {SECRET}")
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "14h30", "--duree", "1h30")
    return bid


def md(bilan, bid, n="2"):
    return bilan("convocation", "render", bid, n, "--format", "md", "-o", "-").stdout


def test_the_convocation_says_when_how_long_where_and_how_to_move_it(bilan, case):
    text = md(bilan, case)
    for expected in ("Élodie Martin", "Lundi 9 mars 2026 à 14h30", "1h30, jusqu'à 16h00",
                     "74 rue Jean Bouin, 84800 L'Isle-sur-la-Sorgue", "04 90 38 00 00",
                     "contact@mycampus.fr", "Paul Girard, 04 90 38 00 01", "Anne Roux",
                     "rendez-vous n° 2", "secret professionnel"):
        assert expected in text, expected
    assert "nouvel horaire" not in text


def test_the_convocation_holds_no_bilan_content(bilan, case):
    bilan("rdv", "add", case, "--date", "2026-03-16", "--heure", "9h", "--duree", "1h")
    bilan("rdv", "cancel", case, "3", "--motif", f"motif {SECRET}")
    for fmt in ("md", "html"):
        out = bilan("convocation", "render", case, "2", "--format", fmt, "-o", "-").stdout
        assert SECRET not in out and "Changer de métier" not in out


def test_a_visio_gives_its_link_a_telephone_call_the_number_and_a_move_says_so(bilan, case):
    bilan("rdv", "add", case, "--date", "2026-03-16", "--heure", "10h", "--duree", "1h",
          "--lien", "https://visio.example.fr/salle-42")
    bilan("rdv", "add", case, "--date", "2026-03-17", "--heure", "10h", "--duree", "1h",
          "--modalite", "visio")
    bilan("rdv", "add", case, "--date", "2026-03-18", "--heure", "10h", "--duree", "1h",
          "--modalite", "telephone")
    assert "<https://visio.example.fr/salle-42>" in md(bilan, case, "3")
    assert "lien de connexion vous sera envoyé" in md(bilan, case, "4")
    assert "Anne Roux vous appellera au 06 12 34 56 78" in md(bilan, case, "5")
    bilan("rdv", "move", case, "2", "--date", "2026-03-10")
    moved = md(bilan, case)
    assert "nouvel horaire" in moved and "Mardi 10 mars 2026 à 14h30" in moved


def test_a_place_typed_is_data_in_every_format(bilan, case):
    bilan("rdv", "add", case, "--date", "2026-03-16", "--heure", "10h", "--duree", "1h",
          "--lieu", "Salle <b>{{ 7*7 }}</b>")
    html = bilan("convocation", "render", case, "3", "--format", "html", "-o", "-").stdout
    assert "Salle &lt;b&gt;{{ 7*7 }}&lt;/b&gt;" in html and "49" not in html
    assert "| Lieu | Salle \\<b\\>{{ 7\\*7 }}\\</b\\> |" in md(bilan, case, "3")


def test_default_file_is_private_recorded_and_named_after_the_rendez_vous(bilan, case):
    out = bilan("convocation", "render", case, "2", "--format", "html").stdout
    path = bilan.home / "documents" / case / f"convocation-{case}-2.html"
    assert str(path) in out and path.exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    conn = sqlite3.connect(bilan.home / "bilans.db")
    assert conn.execute("SELECT genre, chemin FROM rendus WHERE bilan_id = ?", (case,)).fetchall() == [
        ("convocation", f"documents/{case}/convocation-{case}-2.html")]


def test_a_pdf_letter_is_rendered(bilan, case):
    bilan("convocation", "render", case, "2")
    data = (bilan.home / "documents" / case / f"convocation-{case}-2.pdf").read_bytes()
    assert data.startswith(b"%PDF")


@pytest.mark.parametrize("number, key", [
    ("1", "CONVOCATION_RDV_PAS_PREVU"), ("9", "RDV_INCONNU"), ("x", "RDV_NUMERO_MALFORME"),
])
def test_no_convocation_for_a_rendez_vous_held_unknown_or_mistyped(bilan, case, number, key):
    refused(bilan, "convocation", "render", case, number, "--format", "md")
    assert bilan("convocation", "render", case, number, "--format", "md", code=1).key == key


def test_a_cabinet_without_settings_leaves_clean_blanks(bilan):
    bid = bilan.new("--date", "2026-02-23")
    bilan("rdv", "add", bid, "--date", "2026-03-09", "--heure", "9h", "--duree", "1h")
    text = md(bilan, bid, "1")
    assert "Par téléphone : ______" in text and "Lundi 9 mars 2026 à 9h00" in text
