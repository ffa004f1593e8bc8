"""The small things a consultant meets in the first week (issue 13): what a destroyed field
says, the end date of a synthèse handed over in conclusion, the default modalité, the short
help flag, no internal code in a sentence, and an editor that says what it edits."""

import os
import sys
from datetime import date

from purge_helpers import make_ended_bilan
from walks import ready_to_leave_investigation, ready_to_leave_preliminaire


def test_show_after_the_purge_says_when_a_field_was_destroyed(bilan):
    bid = make_ended_bilan(bilan.home, "WEEK", end=date(2026, 2, 1))
    bilan.today("2026-03-02")
    bilan("purge", "--yes")
    shown = bilan("show", bid).stdout
    assert "détruit le 02/03/2026" in shown
    assert "non renseigné" not in shown.split("Contenu")[-1]
    assert bilan.json("show", bid)["champs"]["demande"] is None


def test_a_synthese_rendered_in_conclusion_gives_the_day_it_is_handed_over(bilan):
    bid = ready_to_leave_investigation(bilan)
    bilan("phase", "advance", bid)
    text = bilan("synthese", "render", bid, "--format", "md", "-o", "-").stdout
    assert "2 mars 2026, jour de la remise de cette synthèse" in text
    assert "Fin du bilan | non renseigné" not in text


def test_the_default_modalite_follows_the_bilan_s_format(bilan):
    away = ready_to_leave_preliminaire(bilan)
    bilan("set", away, "format", "distanciel")
    here = ready_to_leave_preliminaire(bilan)
    bilan("set", here, "format", "presentiel")
    for bid in (away, here):
        bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h")
    assert bilan.json("entretien", "list", away)["entretiens"][0]["modalite"] == "visio"
    assert bilan.json("entretien", "list", here)["entretiens"][0]["modalite"] == "presentiel"


def test_dash_h_is_the_help(bilan):
    assert bilan("-h").stdout == bilan("--help").stdout
    assert bilan("entretien", "add", "-h").stdout == bilan("entretien", "add", "--help").stdout
    assert "Utilisation : bilan entretien add ID" in bilan("entretien", "add", "-h").stdout


def test_a_refusal_names_the_financing_and_the_convention_in_words(bilan):
    bid = ready_to_leave_preliminaire(bilan, "--employeur", "ACME", financement="plan")
    refusal = bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h", code=1)
    assert refusal.key == "ENTRETIEN_SANS_CONVENTION", refusal.stderr
    message = refusal.stderr
    assert "plan de développement des compétences" in message and "à transmettre" in message
    bilan("convention", "send", bid, "--date", "2026-03-01")
    refusal = bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h", code=1)
    assert refusal.key == "ENTRETIEN_SANS_CONVENTION", refusal.stderr
    message = refusal.stderr
    assert "transmise le 01/03/2026" in message
    for code in ("en_attente", "a_transmettre", "_"):
        assert code not in message.replace("R6313-8", ""), code


def test_the_editor_s_draft_names_the_bilan_and_the_field(bilan, tmp_path, monkeypatch):
    log = tmp_path / "seen"
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\n"
        f"open({str(log)!r}, 'w').write(sys.argv[1])\n"
        "open(sys.argv[1], 'a').write(' complété')\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    bid = bilan.new()
    bilan("set", bid, "besoins", "Premier jet")
    bilan("set", bid, "besoins")
    name = os.path.basename(log.read_text())
    assert bid in name and "besoins" in name
    assert bilan.json("show", bid)["champs"]["besoins"] == "Premier jet complété"


def test_every_document_starts_the_bilan_on_its_first_entretien(bilan):
    bid = ready_to_leave_preliminaire(bilan, "--employeur", "ACME", financement="plan")
    bilan("convention", "send", bid, "--date", "2026-03-01")
    convention = bilan("convention", "render", bid, "--format", "md", "-o", "-").stdout
    assert "à compter de la signature de la présente convention" in convention
    assert "1er mars 2026" not in convention.split("Période")[1].split("\n")[0]
    bilan("convention", "sign", bid, "--date", "2026-03-02")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h")
    for kind in ("synthese", "emargement"):
        text = bilan(kind, "render", bid, "--format", "md", "-o", "-").stdout
        assert "| Début du bilan | 2 mars 2026 |" in text, kind


def test_a_convention_left_unsigned_past_ten_days_is_said_refused(bilan):
    bid = ready_to_leave_preliminaire(bilan, "--employeur", "ACME", financement="plan")
    bilan("convention", "send", bid, "--date", "2026-03-01")
    assert "Signature de la convention attendue" in bilan("agenda").stdout
    bilan.today("2026-03-12")
    out = bilan("agenda").stdout
    assert "non signée dans les dix jours : refusée" in out and "Signature de la convention attendue" not in out
    (item,) = [i for i in bilan.json("agenda") if i["quoi"] == "convention"]
    assert item["en_retard"] is True


def test_an_entretien_typed_again_after_its_rendez_vous_was_held_is_flagged(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan.today("2026-03-01")
    bilan("rdv", "add", bid, "--date", "2026-03-02", "--heure", "10h", "--duree", "2h")
    bilan.today("2026-03-02")
    assert "déjà enregistré" not in bilan("rdv", "done", bid, "1").stderr
    warned = bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h").stderr
    assert "déjà enregistré le 02/03/2026 (n° 1)" in warned
    assert f"bilan entretien remove {bid} 2" in warned


def test_a_consultant_s_template_includes_the_files_beside_it(bilan, tmp_path):
    bid = bilan.new()
    (tmp_path / "main.md.j2").write_text('Avant {% include "part.md.j2" %} après\n', encoding="utf-8")
    (tmp_path / "part.md.j2").write_text("pièce {{ bilan.id }}", encoding="utf-8")
    out = bilan("synthese", "render", bid, "--format", "md", "-o", "-",
                "--template", tmp_path / "main.md.j2").stdout
    assert out == f"Avant pièce {bid} après\n"


def test_a_rendez_vous_in_the_hour_the_clocks_skip_is_refused(bilan):
    bid = ready_to_leave_preliminaire(bilan)
    bilan("rdv", "add", bid, "--date", "2026-03-28", "--heure", "10h", "--duree", "1h")
    for start, length in (("2h30", "1h"), ("1h30", "1h")):   # begins, or ends, in the gap
        before = bilan.db_bytes()
        result = bilan("rdv", "add", bid, "--date", "2026-03-29", "--heure", start, "--duree", length, code=1)
        assert result.key == "RDV_HEURE_INEXISTANTE" and "heure d'été" in result.stderr
        assert bilan.db_bytes() == before
    assert bilan("rdv", "move", bid, "1", "--date", "2026-03-29", "--heure", "2h", code=1).key \
        == "RDV_HEURE_INEXISTANTE"
    bilan("rdv", "add", bid, "--date", "2026-10-25", "--heure", "2h30", "--duree", "1h")   # autumn: twice, fine
