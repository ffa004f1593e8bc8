"""The Qualiopi file (SPEC §14) and the figures to publish (SPEC §7): what an auditor reads,
never a bilan's content, names only with --noms."""

from __future__ import annotations

import io
import sqlite3

import pytest
from paperwork import CABINET, IBAN, refused
from walks import ready_to_leave_investigation

TODAY = "2026-12-15"


def concluded(bilan) -> str:
    """A CPF bilan walked to its end in 2026 as a consultant does it: framed, two phases
    left, its synthèse rendered in conclusion, its attendance sheet and certificat printed,
    invoiced, both questionnaires followed up."""
    bid = ready_to_leave_investigation(bilan)          # on 2 March 2026
    bilan("phase", "advance", bid, "--date", "2026-03-02")
    for field in ("objectifs", "conditions", "etapes", "plan_action"):
        bilan("set", bid, field, f"texte {field}")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h", "--modalite", "visio",
          "--notes", "notes de l'entretien")
    bilan("synthese", "render", bid, "--format", "md")
    bilan("emargement", "render", bid, "--format", "md")
    bilan("phase", "advance", bid, "--date", "2026-03-02")
    bilan("certificat", "render", bid, "--format", "md")
    bilan.today("2026-10-01")
    bilan("edof", bid, "entree", "--date", "2026-03-04")
    bilan("edof", bid, "sortie", "--date", "2026-03-12")      # late: due on 5 March
    bilan("facture", bid, "--date", "2026-03-03", "--montant", "1800")
    bilan("satisfaction", bid, "--moment", "fin", "--envoye", "--date", "2026-03-02")
    bilan("satisfaction", bid, "--moment", "fin", "--relance", "--date", "2026-03-09")
    bilan("satisfaction", bid, "--moment", "fin", "--note", "2", "--commentaire", "trop court")
    bilan("suivi", bid, "--date", "2026-09-03", "--notes", "notes du suivi")
    bilan("satisfaction", bid, "--moment", "suivi", "--sans-reponse", "--date", "2026-09-20")
    return bid


@pytest.fixture
def year(bilan):
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(
        CABINET + 'referent_handicap = "Anne Roux"\n' + f'[facturation]\niban = "{IBAN}"\n',
        encoding="utf-8")
    bilan.today("2026-03-02")
    done = concluded(bilan)
    dropped = bilan.new("--financement", "plan", "--date", "2026-03-01", "--email", "p@d.fr",
                        "--telephone", "0612345678", "--employeur", "Transports du Luberon",
                        nom="Durand", prenom="Paul")
    bilan("consent", dropped, "bilan", "--date", "2026-03-01")
    bilan("convention", "send", dropped, "--date", "2026-03-01")
    bilan("convention", "sign", dropped, "--date", "2026-03-05")
    bilan("entretien", "add", dropped, "--date", "2026-03-10", "--duree", "90min")
    bilan("entretien", "edit", dropped, "1", "--duree", "2h", "--motif", "saisie fausse")
    bilan.today("2026-03-11")
    bilan("rdv", "add", dropped, "--date", "2026-03-16", "--heure", "10:00", "--duree", "1h",
          "--modalite", "presentiel", "--lieu", "chez elle")
    bilan("rdv", "add", dropped, "--date", "2026-03-17", "--heure", "10:00", "--duree", "1h",
          "--modalite", "visio", "--lien", "https://visio.example/salle")
    bilan("rdv", "cancel", dropped, "1", "--motif", "malade")
    bilan("rdv", "cancel", dropped, "2", "--motif", "malade")
    bilan.today("2026-10-01")
    bilan("abandon", dropped, "--date", "2026-03-20", "--motif", "Nouvel emploi")
    numero = bilan.json("reclamation", "add", "--bilan", dropped, "--date", "2026-03-21",
                        "--origine", "beneficiaire", "--canal", "courriel", "--objet", "Retard",
                        "--json")["numero"]
    bilan("reclamation", "answer", numero, "--date", "2026-03-25", "--reponse", "Excuses")
    bilan("reclamation", "close", numero, "--date", "2026-03-30", "--action", "Rappel la veille")
    bilan.new("--date", "2026-04-01", nom="Petit", prenom="Léa")       # no entretien: not in the file
    bilan.today(TODAY)
    return done, dropped


def test_the_file_holds_each_indicator_and_a_line_per_bilan(bilan, year):
    done, dropped = year
    f = bilan.json("qualiopi", "--json")
    assert f["annee"] == 2026 and set(f["indicateurs"]) == {"2", "4", "11", "26", "30", "31", "32"}
    i = f["indicateurs"]
    assert all(view["libelle"] for view in i.values())
    stats = bilan.json("stats", "--annee", "2026", "--json")
    assert {k: i["2"][k] for k in ("termines", "abandonnes", "taux_achevement", "satisfaction", "suivi")} \
        == {k: stats[k] for k in ("termines", "abandonnes", "taux_achevement", "satisfaction", "suivi")}
    assert i["2"]["beneficiaires"] == 2 and i["2"]["suivi"]["realises"] == 1
    assert {k: i["4"][k] for k in ("bilans", "avec_analyse")} == {"bilans": 1, "avec_analyse": 1}
    assert {k: i["11"][k] for k in ("termines", "avec_synthese")} == {"termines": 1, "avec_synthese": 1}
    assert i["26"]["referent"] is True
    assert {k: v for k, v in i["30"]["fin"].items()} == {
        "dus": 2, "envoyes": 1, "relances": 1, "reponses": 1, "sans_reponse": 0}
    assert i["30"]["suivi"] == {"dus": 1, "envoyes": 1, "relances": 0, "reponses": 0, "sans_reponse": 1}
    assert {k: i["31"][k] for k in ("recues", "repondues_dans_le_delai", "closes")} == {
        "recues": 1, "repondues_dans_le_delai": 1, "closes": 1}
    assert i["31"]["registre"][0]["bilan"] == dropped and "objet" not in i["31"]["registre"][0]
    assert {k: i["32"][k] for k in ("abandons", "notes_basses", "actions")} == {
        "abandons": 1, "notes_basses": 1, "actions": 1}

    lines = {b["id"]: b for b in f["bilans"]}
    assert set(lines) == {done, dropped}                 # the bilan with no entretien is not in it
    line = lines[done]
    assert line["nom"] is None and line["prenom"] is None
    assert line["phase"] == "termine" and line["heures"] == 6
    assert line["modalites"] == ["presentiel", "visio"]
    assert line["emargement"] == "2026-03-02" and line["certificat"] == "2026-03-02"
    assert line["edof"] == {"entree": "2026-03-04", "sortie": "2026-03-12", "dans_les_delais": False}
    assert line["factures"] and line["factures"][0].startswith("F2026")
    assert line["convention"] == {"transmise": None, "signee": None, "preuve": False}
    other = lines[dropped]
    assert other["edof"] is None and other["convention"]["signee"] == "2026-03-05"
    assert other["emargement"] is None

    named = {b["id"]: b for b in bilan.json("qualiopi", "--json", "--noms")["bilans"]}
    assert (named[dropped]["nom"], named[dropped]["prenom"]) == ("Durand", "Paul")


def _plant_markers(home) -> dict[str, tuple[str, str]]:
    """Every text column classed contenu, identite or qualite (the réclamations' texts) gets
    a marker of its own on every row; marker → (table, column)."""
    from bilancli.core import registry

    planted = {}
    conn = sqlite3.connect(home / "bilans.db")
    with conn:
        for table in registry.TABLES:
            types = {row[1]: row[2] for row in conn.execute(f"PRAGMA table_info({table.name})")}
            for n, column in enumerate(table.columns):
                if column.retention not in (registry.CONTENU, registry.IDENTITE, registry.QUALITE):
                    continue
                if types.get(column.name) != "TEXT" or column.read == "date":
                    continue
                marker = f"Mq{len(planted):02d}Zx"
                # One marker per column, made unique per row (some are part of a key).
                conn.execute(f"UPDATE {table.name} SET {column.name} = ? || rowid "
                             f"WHERE {column.name} IS NOT NULL", (marker,))
                if conn.execute(f"SELECT COUNT(*) FROM {table.name} WHERE {column.name} "
                                f"LIKE ?", (marker + "%",)).fetchone()[0]:
                    planted[marker] = (table.name, column.name)
    conn.close()
    return planted


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_no_content_and_no_identity_in_any_format(bilan, year, tmp_path):
    planted = _plant_markers(bilan.home)
    kinds = {column for column in planted.values()}
    # The walk above filled content of every kind the file could be tempted by.
    for expected in (("champs", "valeur"), ("satisfactions", "commentaire"), ("bilans", "nom"),
                     ("bilans", "motif_abandon"), ("reclamations", "objet"),
                     ("reclamations", "action"), ("documents", "titre"), ("entretiens", "notes"),
                     ("suivis", "notes"), ("rdv", "motif"), ("rdv", "lieu"), ("rdv", "lien"),
                     ("corrections", "motif"), ("bilans", "email"), ("bilans", "telephone"),
                     ("bilans", "employeur")):
        assert expected in kinds, expected
    outputs = {
        "json": bilan("qualiopi", "--json").stdout,
        "md": bilan("qualiopi").stdout,
        "html": bilan("qualiopi", "--format", "html").stdout,
    }
    bilan("qualiopi", "--format", "pdf", "-o", str(tmp_path / "q.pdf"))
    outputs["pdf"] = _pdf_text((tmp_path / "q.pdf").read_bytes())
    outputs["stats-md"] = bilan("stats", "--annee", "2026", "--format", "md").stdout
    outputs["stats-html"] = bilan("stats", "--annee", "2026", "--format", "html").stdout
    assert "2026" in outputs["pdf"] and "Indicateur 30" in outputs["pdf"]
    for name, text in outputs.items():
        found = [planted[m] for m in planted if m in text]
        assert found == [], name

    # With --noms, the names and nothing else.
    bilan("qualiopi", "--noms", "--format", "pdf", "-o", str(tmp_path / "n.pdf"))
    named = {"json": bilan("qualiopi", "--json", "--noms").stdout,
             "pdf": _pdf_text((tmp_path / "n.pdf").read_bytes())}
    names = {m for m, column in planted.items() if column in (("bilans", "nom"), ("bilans", "prenom"))}
    for name, text in named.items():
        assert {m for m in planted if m in text} == names, name


def test_md_and_html_go_to_stdout_pdf_to_a_file(bilan, year, tmp_path):
    md = bilan("qualiopi").stdout
    assert md.startswith("# Dossier de preuves Qualiopi — 2026") and "MY CAMPUS" in md
    html = bilan("qualiopi", "--format", "html").stdout
    assert html.lstrip().startswith("<!DOCTYPE html>") and "Anne Roux" in html
    bilan("qualiopi", "--format", "pdf")
    assert (bilan.home / "documents" / "qualiopi-2026.pdf").read_bytes().startswith(b"%PDF")
    out = tmp_path / "dossier.html"
    bilan("qualiopi", "--format", "html", "-o", str(out))
    assert out.read_text(encoding="utf-8") == html


def test_the_pdf_goes_to_documents_in_a_new_home(bilan):
    bilan.new()
    assert not (bilan.home / "documents").exists()
    bilan("qualiopi", "--format", "pdf")
    assert (bilan.home / "documents" / "qualiopi-2026.pdf").read_bytes().startswith(b"%PDF")


def test_the_template_can_be_overridden(bilan, year):
    (bilan.home / "templates").mkdir()
    (bilan.home / "templates" / "qualiopi.md.j2").write_text(
        "Mon dossier {{ annee }} : {{ bilans | length }} bilans\n", encoding="utf-8")
    assert bilan("qualiopi").stdout == "Mon dossier 2026 : 2 bilans\n"


def test_a_named_file_is_recorded_and_destroyed_with_the_first_bilan_it_names(bilan, year, tmp_path):
    done, dropped = year
    out = tmp_path / "auditeur.md"
    bilan("qualiopi", "--noms", "-o", str(out))
    assert "Durand" in out.read_text(encoding="utf-8")
    bilan.today("2031-03-01")      # the record of the bilan ended first is not anonymised yet
    bilan("purge", "--yes")
    assert out.exists()
    bilan.today("2031-03-22")      # five years after the abandon on 20 March 2026
    bilan("purge", "--yes")
    assert not out.exists()


@pytest.mark.parametrize("args, key", [
    (("qualiopi", "--annee", "1999"), "ANNEE_HORS_PLAGE"),
    (("qualiopi", "--annee", "2099", "--json"), "ANNEE_HORS_PLAGE"),
    (("qualiopi", "--annee", "vingt"), "ANNEE_INVALIDE"),
    (("qualiopi", "--format", "docx"), "FORMAT_STATS_INCONNU"),
    (("stats", "--annee", "1999", "--format", "html"), "ANNEE_HORS_PLAGE"),
    (("stats", "--annee", "2026", "--format", "pdf"), "FORMAT_STATS_INCONNU"),
])
def test_bad_input_is_refused_and_writes_nothing(bilan, year, args, key):
    refused(bilan, *args, key=key)


def test_names_are_never_written_under_bilan_home(bilan, year):
    for target in (bilan.home / "documents" / "q.md", None):
        args = ("qualiopi", "--noms", "--format", "pdf") if target is None else \
            ("qualiopi", "--noms", "-o", str(target))
        refused(bilan, *args, key="NOMS_DANS_BILAN_HOME")
    assert not (bilan.home / "documents" / "q.md").exists()
    assert not (bilan.home / "documents" / "qualiopi-2026.pdf").exists()


def test_the_figures_to_publish_stand_alone(bilan, year, tmp_path):
    page = tmp_path / "resultats.html"
    bilan("stats", "--annee", "2026", "--format", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert "<style>" in html and "<link" not in html and "src=" not in html
    assert "Nos résultats 2026" in html and "du 1er janvier 2026 au 31 décembre 2026" in html
    assert "15 décembre 2026" in html                     # the date of the figures
    assert "2/5 — 1 réponses sur 2" in html               # the mean with the answers behind it
    assert "50 % (1 sur 2)" in html                        # completion: 1 done, 1 abandoned
    for name in ("Martin", "Claire", "Durand", "Paul", "texte"):
        assert name not in html
    md = bilan("stats", "--annee", "2026", "--format", "md").stdout
    assert md.startswith("# Nos résultats 2026") and "Entretiens de suivi" in md
