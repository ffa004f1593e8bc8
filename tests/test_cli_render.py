"""`bilan synthese|convention|emargement render`: the documents the cabinet hands out."""

import hashlib
import stat
import sys

import pytest
from docstore import add_entretien, snapshot

CABINET = """[cabinet]
nom = "MY CAMPUS"
adresse = "74 rue Jean Bouin, 84800 L'Isle-sur-la-Sorgue"
nda = "93840000000"
consultant = "Sophie Lefèvre"
"""

SECTIONS = (
    "Document de synthèse", "1. Circonstances du bilan", "2. Parcours",
    "3. Compétences et aptitudes", "4. Projet professionnel", "5. Projet de formation",
    "6. Conditions de réussite et plan d'action", "7. Suivi", "Observations du bénéficiaire",
    "Confidentialité",
)


@pytest.fixture
def case(bilan):
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(CABINET, encoding="utf-8")
    bid = bilan.new("--financement", "plan", "--employeur", "Transports Durand", "--tarif", "1800",
                    "--heures-prevues", "24", nom="Martin", prenom="Élodie")
    bilan("set", bid, "demande", "Donner un nouveau sens à mon métier.")
    bilan("set", bid, "projet", "Conseillère en insertion professionnelle")
    return bid


def test_the_synthese_has_its_sections_in_order(bilan, case):
    text = bilan("synthese", "render", case, "--format", "md", "-o", "-").stdout
    positions = [text.index(title) for title in SECTIONS]
    assert positions == sorted(positions)
    assert "MY CAMPUS" in text and "93840000000" in text and "Sophie Lefèvre" in text
    assert "Donner un nouveau sens à mon métier." in text
    assert "Plan de développement des compétences" in text and "2 mars 2026" in text
    assert text.count("non renseigné") >= 10  # besoins, parcours, … and the end date
    assert "None" not in text and "L6313-4" in text and "R6313-7" in text


def test_the_synthese_never_shows_entretien_notes_or_stored_documents(bilan, case, tmp_path):
    add_entretien(bilan.home, case, "2026-02-10", 90, notes="SECRET-NOTE-ENTRETIEN")
    (tmp_path / "test.txt").write_text("SECRET-RESULTAT-TEST", encoding="utf-8")
    bilan("doc", "add", case, tmp_path / "test.txt", "--type", "test")
    for fmt in ("md", "html"):
        text = bilan("synthese", "render", case, "--format", fmt, "-o", "-").stdout
        assert "SECRET" not in text
        assert "1h30" in text  # the hours delivered are part of it


def test_user_text_is_data_escaped_in_html(bilan, case):
    bilan("set", case, "plan_b", "{{ 7*7 }} {% if 1 %}x{% endif %}")
    bilan("set", case, "prenom", "<script>alert(1)</script>")
    html = bilan("synthese", "render", case, "--format", "html", "-o", "-").stdout
    assert "{{ 7*7 }} {% if 1 %}x{% endif %}" in html and "49" not in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = bilan("synthese", "render", case, "--format", "md", "-o", "-").stdout
    # Markdown-escaped (the `*` would start emphasis): a viewer shows it as typed.
    assert "{{ 7\\*7 }} {% if 1 %}x{% endif %}" in md and "49" not in md


def test_html_is_a_printable_page(bilan, case):
    html = bilan("synthese", "render", case, "--format", "html", "-o", "-").stdout
    assert html.lstrip().startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    for piece in ("size: A4", "counter(page)", "running(entete)", "Document confidentiel"):
        assert piece in html


def test_default_file_is_private_recorded_and_kept_as_synthese(bilan, case):
    out = bilan("synthese", "render", case, "--format", "html").stdout
    path = bilan.home / "documents" / case / f"synthese-{case}.html"
    assert str(path) in out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    (rendering,) = snapshot(bilan.home, case).renderings
    assert rendering.path == f"documents/{case}/synthese-{case}.html"
    assert rendering.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (rendering.kind, rendering.format, rendering.phase) == ("synthese", "html", "preliminaire")
    (copy,) = bilan.json("doc", "list", case)
    assert copy["type"] == "synthese" and copy["taille"] == path.stat().st_size
    assert bilan("doc", "get", case, str(copy["id"])).stdout_bytes == path.read_bytes()
    # A new rendering replaces the kept copy; every file stays recorded for the purge.
    bilan("synthese", "render", case, "--format", "md")
    assert [d["type"] for d in bilan.json("doc", "list", case)] == ["synthese"]
    assert len(snapshot(bilan.home, case).renderings) == 2


def test_stdout_writes_no_file_and_records_no_rendering_but_keeps_the_copy(bilan, case):
    bilan("synthese", "render", case, "--format", "md", "-o", "-")
    assert not (bilan.home / "documents").exists()
    assert snapshot(bilan.home, case).renderings == ()
    assert [d["type"] for d in bilan.json("doc", "list", case)] == ["synthese"]


def test_output_outside_home_is_recorded_absolute(bilan, case, tmp_path):
    target = tmp_path / "remise" / "synthese.html"
    target.parent.mkdir()
    bilan("convention", "render", case, "--format", "html", "-o", target)
    (rendering,) = snapshot(bilan.home, case).renderings
    assert rendering.path == str(target.resolve()) and rendering.kind == "convention"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert bilan.json("doc", "list", case) == []  # only the synthèse is kept in the store


def test_convention_carries_every_r6313_8_mention(bilan, case):
    bilan.home.joinpath("config.toml").unlink()  # no cabinet settings: blanks, not errors
    text = bilan("convention", "render", case, "--format", "md", "-o", "-").stdout
    for mention in ("Intitulé", "Objectif et contenu", "Moyens prévus", "Durée et période",
                    "Modalités de déroulement et de suivi",
                    "Modalités de remise des résultats détaillés et du document de synthèse",
                    "Prix et modalités de règlement", "dix jours", "vaut refus",
                    "L'employeur", "Le salarié", "L'organisme prestataire"):
        assert mention in text, mention
    assert "Transports Durand" in text and "1\u202f800,00 € HT" in text and "24h" in text
    assert "None" not in text


def test_attendance_sheet_lists_the_entretiens(bilan, case):
    add_entretien(bilan.home, case, "2026-01-12", 90, modalite="visio", notes="confidentiel")
    add_entretien(bilan.home, case, "2026-02-03", 120, phase="investigation")
    html = bilan("emargement", "render", case, "--format", "html", "-o", "-").stdout
    assert html.index("12 janvier 2026") < html.index("3 février 2026")
    assert "Visioconférence" in html and "3h30" in html and "confidentiel" not in html.replace("Document confidentiel", "")
    assert html.count('class="signature"') == 4  # two boxes per entretien


def test_a_consultant_template_replaces_the_packaged_one(bilan, case, tmp_path):
    own = bilan.home / "templates"
    own.mkdir()
    (own / "synthese.md.j2").write_text("Synthèse maison de {{ beneficiaire.prenom }}\n", encoding="utf-8")
    assert bilan("synthese", "render", case, "--format", "md", "-o", "-").stdout == "Synthèse maison de Élodie\n"
    once = tmp_path / "une-fois.txt"
    once.write_text("Pour {{ beneficiaire.nom }} : {{ champs.projet }}\n", encoding="utf-8")
    out = bilan("synthese", "render", case, "--format", "md", "-o", "-", "--template", once).stdout
    assert out == "Pour Martin : Conseillère en insertion professionnelle\n"


def test_bad_input_is_refused_in_french_and_changes_nothing(bilan, case, tmp_path):
    broken = tmp_path / "casse.j2"
    broken.write_text("ligne 1\nligne 2\n{% if %}\n", encoding="utf-8")
    unknown = tmp_path / "inconnu.j2"
    unknown.write_text("{{ champs.nexiste_pas }}", encoding="utf-8")
    binary = tmp_path / "binaire.j2"
    binary.write_bytes(b"\xff\xfe\x00")
    before = bilan.db_bytes()
    cases = [
        (("--format", "docx"), "format inconnu : « docx »", "FORMAT_INCONNU"),
        (("--template", tmp_path / "absent.j2"), "modèle introuvable", "MODELE_INTROUVABLE"),
        (("--template", broken), "ligne 3", "MODELE_SYNTAXE"),
        (("--template", unknown), "variable inconnue", "MODELE_VARIABLE"),
        (("--template", binary), "modèle illisible", "MODELE_ILLISIBLE"),
        (("-o", tmp_path / "nulle-part" / "s.md"), "n'existe pas", "DOSSIER_SORTIE_ABSENT"),
    ]
    for options, expected, key in cases:
        refusal = bilan("synthese", "render", case, "--format", "md", *options, code=1)
        err = refusal.stderr
        assert refusal.key == key and expected in err, (options, err)
    assert bilan("emargement", "render", "2026-099", "--format", "md", code=1).key == "BILAN_INCONNU"
    assert bilan.db_bytes() == before
    assert not (bilan.home / "documents").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["binaire.j2", "casse.j2", "home", "inconnu.j2"]


def test_a_syntax_error_in_an_override_names_the_file_and_line(bilan, case):
    own = bilan.home / "templates"
    own.mkdir()
    (own / "_macros.j2").write_text("\n\n{% macro texte( %}\n", encoding="utf-8")
    refusal = bilan("synthese", "render", case, "--format", "html", "-o", "-", code=1)
    assert refusal.key == "MODELE_SYNTAXE", refusal.stderr
    err = refusal.stderr
    assert "_macros.j2" in err and "ligne 3" in err


def test_pdf_without_weasyprint_says_how_to_install_it(bilan, case, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    before = bilan.db_bytes()
    refusal = bilan("synthese", "render", case, code=1)
    assert refusal.key == "PDF_INDISPONIBLE", refusal.stderr
    err = refusal.stderr
    assert "pip install '.[pdf]'" in err and "--format html" in err
    assert bilan.db_bytes() == before
    assert not (bilan.home / "documents").exists()


def test_pdf_is_the_default_format(bilan, case):
    bilan("synthese", "render", case)
    path = bilan.home / "documents" / case / f"synthese-{case}.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert snapshot(bilan.home, case).renderings[0].format == "pdf"
