"""Rendering safely: the store cannot be overwritten, user text stays data in Markdown,
template errors are explained in French, and missing settings leave clean blanks."""

import os
import re
import sqlite3

import pytest
from markdown_it import MarkdownIt

CABINET = """[cabinet]
nom = "MY CAMPUS"
consultant = "Sophie Lefèvre"
"""


@pytest.fixture
def case(bilan):
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(CABINET, encoding="utf-8")
    return bilan.new("--financement", "plan", "--employeur", "Transports Durand",
                     nom="Martin", prenom="Élodie")


def viewer(markdown: str) -> str:
    """What a Markdown viewer shows: the HTML a CommonMark renderer with tables makes of it."""
    return MarkdownIt("commonmark").enable("table").render(markdown)


def table_rows(html: str) -> list[int]:
    """Cells per row of every table, to see whether a `|` typed in a value broke one."""
    return [len(re.findall(r"<t[hd]\b", row)) for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)]


# --- 1. -o cannot reach the store --------------------------------------------------------------

PROTECTED = ("bilans.db", "bilans.db-journal", "bilans.db-wal", "bilans.db-shm", "config.toml",
             "templates/synthese.md.j2", "documents/../bilans.db", ".")


def test_an_output_inside_the_data_folder_but_outside_documents_is_refused(bilan, case, tmp_path):
    (bilan.home / "templates").mkdir()
    (tmp_path / "d.txt").write_bytes(b"doc")
    bilan("doc", "add", case, tmp_path / "d.txt")
    link = tmp_path / "lien.md"
    link.symlink_to(bilan.home / "bilans.db")
    before, config = bilan.db_bytes(), (bilan.home / "config.toml").read_bytes()
    targets = [bilan.home / name for name in PROTECTED] + [link]
    for target in targets:
        for command in (("emargement", "render", case, "--format", "md"), ("doc", "get", case, "1")):
            refusal = bilan(*command, "-o", target, code=1)
            assert refusal.key == "SORTIE_DANS_LES_DONNEES", refusal.stderr
            err = refusal.stderr
            assert "dossier des données" in err and "documents/" in err, (target, err)
    assert bilan.db_bytes() == before
    assert (bilan.home / "config.toml").read_bytes() == config
    assert not (bilan.home / "templates" / "synthese.md.j2").exists()
    assert link.is_symlink()


def test_an_output_under_documents_is_allowed(bilan, case):
    folder = bilan.home / "documents"
    folder.mkdir()
    bilan("emargement", "render", case, "--format", "md", "-o", folder / "feuille.md")
    assert (folder / "feuille.md").read_text(encoding="utf-8").startswith("# Feuille d'émargement")


# --- 4. no convention where the financing needs none --------------------------------------------

def test_convention_render_is_refused_when_the_financing_needs_no_convention(bilan):
    bilan.home.mkdir(parents=True, exist_ok=True)
    for financement in ("cpf", "personnel"):
        bid = bilan.new("--financement", financement)
        before = bilan.db_bytes()
        refusal = bilan("convention", "render", bid, "--format", "md", "-o", "-", code=1)
        assert refusal.key == "CONVENTION_NON_REQUISE", refusal.stderr
        err = refusal.stderr
        assert "R6313-8" in err and financement in err
        assert bilan.db_bytes() == before
    unset = bilan.new()
    refusal = bilan("convention", "render", unset, "--format", "html", code=1)
    assert refusal.key == "CONVENTION_FINANCEMENT_ABSENT", refusal.stderr
    err = refusal.stderr
    assert "R6313-8" in err and "financement" in err
    assert not (bilan.home / "documents").exists()


# --- 5. user text is data in Markdown ------------------------------------------------------------

def test_user_text_reads_as_typed_in_a_markdown_viewer(bilan, case):
    bilan("set", case, "nom", "Mar|tin <script>alert(1)</script>")
    bilan("set", case, "employeur", "A|B *SA*")
    typed = "*gras* _x_ [lien](http://x.fr) `code` &amp; {{ 7*7 }}\n# pas un titre\n- pas une puce\n1. pas une liste"
    bilan("set", case, "demande", typed)
    for kind in ("synthese", "convention", "emargement"):
        md = bilan(kind, "render", case, "--format", "md", "-o", "-").stdout
        assert "<script>" not in md, kind
        html = viewer(md)
        assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html, kind
        rows = table_rows(html)
        assert rows and all(n == rows[0] for n in rows[:2]), (kind, rows)
        assert "Mar|tin" in html, kind
    html = viewer(bilan("synthese", "render", case, "--format", "md", "-o", "-").stdout)
    assert all(n == 2 for n in table_rows(html))
    assert "*gras* _x_ [lien](http://x.fr) `code` &amp;amp; {{ 7*7 }}" in html
    assert "# pas un titre" in html and "- pas une puce" in html and "1. pas une liste" in html
    assert "<em>" not in html and "<a " not in html and "<li>" not in html.split("Observations")[0]
    assert "49" not in html
    conv = viewer(bilan("convention", "render", case, "--format", "md", "-o", "-").stdout)
    assert "A|B *SA*" in conv and all(n == table_rows(conv)[0] for n in table_rows(conv)[:8])


# --- 6. clean blanks for missing cabinet settings, sentences for missing content ------------------

def test_a_missing_cabinet_setting_is_a_clean_blank_on_every_document(bilan, case):
    (bilan.home / "config.toml").unlink()
    for kind in ("synthese", "convention", "emargement"):
        html = bilan(kind, "render", case, "--format", "html", "-o", "-").stdout
        for label in ("Organisme prestataire", "N° de déclaration d'activité", "Consultant(e)"):
            row = re.search(rf"<th>{re.escape(label)}[^<]*</th>\s*<td>(.*?)</td>", html)
            if row:
                assert row.group(1).strip() == "", (kind, label, row.group(1))
        md_html = viewer(bilan(kind, "render", case, "--format", "md", "-o", "-").stdout)
        for label in ("Organisme prestataire", "N° de déclaration d'activité", "Consultant(e)"):
            row = re.search(rf"<td>{re.escape(label)}[^<]*</td>\s*<td>(.*?)</td>", md_html)
            if row:
                assert row.group(1).strip() == "", (kind, label, row.group(1))
        assert ", —" not in md_html and " ,  " not in md_html
    synthese = bilan("synthese", "render", case, "--format", "md", "-o", "-").stdout
    assert "| Organisme prestataire |" in synthese and "| Fin du bilan | non renseigné |" in synthese


def test_the_convention_says_the_duration_in_a_sentence_when_none_is_planned(bilan, case):
    text = bilan("convention", "render", case, "--format", "md", "-o", "-").stdout
    assert "non renseigné d'accompagnement" not in text
    assert "Durée d'accompagnement : non renseignée, dans la limite de 24 heures (L6313-4)" in text
    html = bilan("convention", "render", case, "--format", "html", "-o", "-").stdout
    assert "non renseigné</span> d'accompagnement" not in html
    assert "non renseignée" in html
    bilan("set", case, "heures_prevues", "20")
    text = bilan("convention", "render", case, "--format", "md", "-o", "-").stdout
    assert "Durée d'accompagnement : 20h, dans la limite de 24 heures (L6313-4)" in text


# --- 7. template errors explained in French ------------------------------------------------------

def test_an_unknown_variable_is_named_with_its_file_and_line(bilan, case, tmp_path):
    own = tmp_path / "modele.j2"
    own.write_text("Bonjour\n\n{{ inexistant }}\n", encoding="utf-8")
    refusal = bilan("synthese", "render", case, "--format", "md", "--template", own, code=1)
    assert refusal.key == "MODELE_VARIABLE", refusal.stderr
    err = refusal.stderr
    assert "is undefined" not in err
    assert str(own) in err and "ligne 3" in err and "variable inconnue, « inexistant » n'existe pas" in err
    attr = tmp_path / "attribut.j2"
    attr.write_text("{{ champs.nexiste_pas }}", encoding="utf-8")
    refusal = bilan("synthese", "render", case, "--format", "md", "--template", attr, code=1)
    assert refusal.key == "MODELE_VARIABLE", refusal.stderr
    err = refusal.stderr
    assert "has no attribute" not in err and "« nexiste_pas »" in err and "ligne 1" in err


def test_a_syntax_error_is_explained_in_french_before_any_jinja_detail(bilan, case, tmp_path):
    broken = tmp_path / "casse.j2"
    broken.write_text("un\ndeux\n{% if %}\n", encoding="utf-8")
    refusal = bilan("synthese", "render", case, "--format", "md", "--template", broken, code=1)
    assert refusal.key == "MODELE_SYNTAXE", refusal.stderr
    err = refusal.stderr
    assert str(broken) in err and "ligne 3" in err
    french, _, detail = err.partition("(")
    assert "erreur de syntaxe" in french and "Expected" not in french
    own = bilan.home / "templates"
    own.mkdir()
    (own / "emargement.md.j2").write_text("{{ bilan.id }}\n{{ entretiens[0].nulle_part }}\n", encoding="utf-8")
    refusal = bilan("emargement", "render", case, "--format", "md", "-o", "-", code=1)
    assert refusal.key == "MODELE_VARIABLE", refusal.stderr
    err = refusal.stderr
    assert "emargement.md.j2" in err and "ligne 2" in err and "undefined" not in err


# --- 8. destroyed content, one rule, one date format ----------------------------------------------

def test_destroyed_content_is_refused_with_a_french_date_everywhere(bilan, case, tmp_path):
    connection = sqlite3.connect(bilan.home / "bilans.db")
    with connection:
        connection.execute("UPDATE bilans SET contenu_detruit_le = '2026-03-01' WHERE id = ?", (case,))
    connection.close()
    (tmp_path / "a.txt").write_bytes(b"a")
    before = bilan.db_bytes()
    for command in (("set", case, "demande", "x"), ("doc", "add", case, tmp_path / "a.txt"),
                    ("synthese", "render", case, "--format", "md", "-o", "-")):
        refusal = bilan(*command, code=1)
        assert refusal.key == ("SYNTHESE_CONTENU_DETRUIT" if command[0] == "synthese"
                               else "CONTENU_DETRUIT"), command
        err = refusal.stderr
        assert "01/03/2026" in err and "2026-03-01" not in err and "R6313-7" in err, command
    assert bilan.db_bytes() == before


# --- 2. the synthèse promises only a legal conservation period ------------------------------------

def test_the_synthese_refuses_an_illegal_conservation_setting(bilan, case):
    bilan("consent", case, "conservation")
    with (bilan.home / "config.toml").open("a", encoding="utf-8") as config:
        config.write('\n[conservation]\nduree = "5 ans"\n')
    before = bilan.db_bytes()
    refusal = bilan("synthese", "render", case, "--format", "md", "-o", "-", code=1)
    assert refusal.key == "PERIODE_TROP_LONGUE", refusal.stderr
    err = refusal.stderr
    assert "5 ans" in err and "R6313-7" in err
    assert bilan.db_bytes() == before
    (bilan.home / "config.toml").write_text(CABINET + '[conservation]\nduree = "2 ans"\n', encoding="utf-8")
    text = bilan("synthese", "render", case, "--format", "md", "-o", "-").stdout
    assert "conservés 2 ans après la fin du bilan" in text


def test_a_template_that_is_a_fifo_is_refused_at_once(bilan, case, tmp_path):
    """Opening a FIFO for reading would wait for a writer forever (found by a probe)."""
    tube = tmp_path / "modele.md.j2"
    os.mkfifo(tube)
    before = bilan.db_bytes()
    result = bilan("synthese", "render", case, "--format", "md", "--template", tube, "-o", "-", code=1)
    assert result.key == "FICHIER_PAS_ORDINAIRE"
    assert bilan.db_bytes() == before
