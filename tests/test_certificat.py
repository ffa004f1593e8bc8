"""`bilan certificat render`: the ministry's certificat de réalisation OPCOs pay on."""

import sqlite3

from paperwork import configure, held, refused


def test_the_certificat_ticks_bilan_de_competences_with_the_period_and_hours(bilan):
    configure(bilan)
    bid = held(bilan, "--employeur", "Transports Durand", modalite="visio",
               entretiens=(("2026-02-02", 120), ("2026-02-16", 90), ("2026-02-23", 60)))
    text = bilan("certificat", "render", bid, "--format", "md", "-o", "-").stdout
    for line in ("Je soussigné(e) **Paul Roux**", "représentant légal", "**MY CAMPUS**",
                 "**Claire Martin**", "salarié(e) de l'entreprise | Transports Durand",
                 "- [ ] action de formation", "- [x] **bilan de compétences**",
                 "- [ ] action de VAE", "- [ ] action de formation par apprentissage",
                 "du **2 février 2026** au **23 février 2026**", "**4,5 heures**",
                 "dont 4,5 heures à distance", "conserver l'ensemble des pièces justificatives",
                 "Fait à : **L'Isle-sur-la-Sorgue**, le **2 mars 2026**"):
        assert line in text, line


def test_the_certificat_holds_no_bilan_content(bilan):
    configure(bilan)
    bid = held(bilan)
    bilan("set", bid, "demande", "QZXDEMANDEXZQ")
    html = bilan("certificat", "render", bid, "--format", "html", "-o", "-").stdout
    assert "QZXDEMANDEXZQ" not in html and "Certificat de réalisation" in html


def test_refused_before_any_entretien(bilan):
    configure(bilan)
    bid = bilan.new()
    err = refused(bilan, "certificat", "render", bid, "--format", "md", key="CERTIFICAT_SANS_ENTRETIEN")
    assert bid in err


def test_a_blank_is_left_to_sign_by_hand_without_a_representative(bilan):
    bid = held(bilan)
    text = bilan("certificat", "render", bid, "--format", "md", "-o", "-").stdout
    assert "Je soussigné(e) **______________________________**" in text


def test_the_rendered_file_is_recorded_as_administrative_evidence(bilan):
    configure(bilan)
    bid = held(bilan)
    bilan("certificat", "render", bid, "--format", "html")
    conn = sqlite3.connect(bilan.home / "bilans.db")
    assert conn.execute("SELECT genre, chemin, classe FROM rendus").fetchall() == [
        ("certificat", f"documents/{bid}/certificat-{bid}.html", "administratif")]
