"""The case record end to end: new, list, show, set, consent."""

import os
import stat
import sys

import pytest


def test_new_numbers_bilans_per_year_of_opening(bilan):
    assert bilan.new() == "2026-001"
    assert bilan.new() == "2026-002"
    assert bilan.new("--date", "15/12/2025") == "2025-001"
    assert bilan.new("--date", "3 janvier 2026") == "2026-003"
    out = bilan("new", "--nom", "Petit", "--prenom", "Léa").stdout
    assert "2026-004" in out and "Léa Petit" in out


def test_show_json_holds_the_keys_of_the_contract(bilan):
    bid = bilan.new(
        "--email", "claire@example.fr", "--statut", "salarie", "--financement", "cpf",
        "--format", "mixte", "--heures-prevues", "24", "--tarif", "1 800,00",
        "--date", "2026-02-10",
    )
    view = bilan.json("show", bid)
    for key in ("id", "nom", "prenom", "phase", "financement", "statut", "format",
                "date_ouverture", "date_fin", "champs", "consentements", "convention",
                "entretiens", "heures_realisees", "documents", "suivi", "purge"):
        assert key in view
    assert view["date_ouverture"] == "2026-02-10"
    assert view["phase"] == "preliminaire"
    assert view["champs"]["demande"] is None
    assert view["consentements"] == {"bilan": None, "conservation": None, "cep": None, "employeur": None}
    assert view["convention"]["statut"] == "non_requise"
    assert view["heures_prevues"] == 24 and view["tarif"] == 1800
    assert view["suivi"] == {"date_prevue": None, "date_realisee": None, "non_realise": False}
    assert view["purge"] == {"contenu_detruit_le": None, "prochaine_echeance": None, "regle": None}


def test_list_is_newest_first_and_filters_by_phase(bilan):
    bilan.new("--date", "2026-01-05", nom="Ancien")
    bilan.new("--date", "2026-02-20", nom="Récent")
    rows = bilan.json("list")
    assert [r["nom"] for r in rows] == ["Récent", "Ancien"]
    assert set(rows[0]) == {"id", "nom", "prenom", "phase", "date_ouverture", "date_fin"}
    assert bilan.json("list", "--phase", "investigation") == []
    assert len(bilan.json("list", "--phase", "preliminaire")) == 2
    assert bilan("list", "--phase", "fini", code=1).key == "PHASE_INCONNUE"


def test_set_content_and_admin_fields(bilan):
    bid = bilan.new()
    bilan("set", bid, "demande", "Changer de métier après 15 ans en logistique.")
    bilan("set", bid, "tarif", "1500")
    bilan("set", bid, "financement", "plan")
    view = bilan.json("show", bid)
    assert view["champs"]["demande"] == "Changer de métier après 15 ans en logistique."
    assert view["tarif"] == 1500 and view["financement"] == "plan"
    assert view["convention"]["statut"] == "a_transmettre"
    # An empty value never erases a field (an empty pipe, a blank argument): --effacer does.
    assert bilan("set", bid, "demande", "", code=1).key == "VALEUR_VIDE"
    assert bilan("set", bid, "demande", "-", input="", code=1).key == "VALEUR_VIDE"
    assert bilan.json("show", bid)["champs"]["demande"] == "Changer de métier après 15 ans en logistique."
    bilan("set", bid, "demande", "--effacer")
    assert bilan.json("show", bid)["champs"]["demande"] is None


def test_set_dash_reads_stdin(bilan):
    bid = bilan.new()
    bilan("set", bid, "parcours", "-", input="Ligne 1\nLigne 2 — « accents »\n")
    assert bilan.json("show", bid)["champs"]["parcours"] == "Ligne 1\nLigne 2 — « accents »"


@pytest.fixture
def fake_editor(tmp_path, monkeypatch):
    """An editor that records its file's mode, then appends a line to it."""
    script = tmp_path / "editor.py"
    log = tmp_path / "seen.txt"
    script.write_text(
        "import os, stat, sys\n"
        "path = sys.argv[1]\n"
        f"open({str(log)!r}, 'w').write(path + '\\n' + oct(stat.S_IMODE(os.stat(path).st_mode)))\n"
        "if os.environ.get('FAIL_EDITOR'): sys.exit(3)\n"
        "open(path, 'a').write(' et ajouté')\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    return log


def test_set_without_value_opens_the_editor_on_a_private_file(bilan, fake_editor):
    bid = bilan.new()
    bilan("set", bid, "besoins", "Texte initial")
    bilan("set", bid, "besoins")
    assert bilan.json("show", bid)["champs"]["besoins"] == "Texte initial et ajouté"
    path, mode = fake_editor.read_text().splitlines()
    assert mode == "0o600"
    assert not os.path.exists(path)


def test_an_editor_failure_changes_nothing_and_removes_the_file(bilan, fake_editor, monkeypatch):
    bid = bilan.new()
    bilan("set", bid, "besoins", "Avant")
    monkeypatch.setenv("FAIL_EDITOR", "1")
    result = bilan("set", bid, "besoins", code=1)
    assert result.key == "EDITEUR_ECHEC" and "éditeur" in result.stderr
    assert bilan.json("show", bid)["champs"]["besoins"] == "Avant"
    path, _ = fake_editor.read_text().splitlines()
    assert not os.path.exists(path)


def test_no_editor_configured_is_explained(bilan):
    bid = bilan.new()
    assert bilan("set", bid, "besoins", code=1).key == "EDITEUR_ABSENT"


def test_consent_recorded_and_withdrawn(bilan):
    bid = bilan.new("--date", "2026-03-01")
    out = bilan("consent", bid, "bilan", "--date", "1er mars 2026").stdout
    assert "L6313-4 al. 2" in out
    bilan("consent", bid, "cep")
    assert bilan.json("show", bid)["consentements"]["bilan"] == "2026-03-01"
    assert bilan.json("show", bid)["consentements"]["cep"] == "2026-03-02"
    bilan("consent", bid, "cep", "--retirer")
    assert bilan.json("show", bid)["consentements"]["cep"] is None
    assert bilan("consent", bid, "cep", "--retirer", code=1).key == "CONSENTEMENT_ABSENT"


def test_user_text_is_printed_as_typed_not_as_markup(bilan):
    bid = bilan.new(nom="Dupont [bold]", prenom="[red]Jean[/red]")
    bilan("set", bid, "demande", "[link=http://x]clic[/link] {{ 7*7 }}")
    out = bilan("show", bid).stdout
    assert "Dupont [bold]" in out and "[red]Jean[/red]" in out
    assert "[link=http://x]clic[/link] {{ 7*7 }}" in out
    assert "Dupont [bold]" in bilan("list").stdout


def test_store_is_private(bilan):
    bilan.new()
    assert stat.S_IMODE(os.stat(bilan.home).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(bilan.home / "bilans.db").st_mode) == 0o600


def test_home_option_wins_over_the_environment(bilan, tmp_path):
    other = tmp_path / "autre"
    bilan("--home", str(other), "new", "--nom", "A", "--prenom", "B")
    assert (other / "bilans.db").exists()
    assert bilan.json("list") == []


# The message each refusal (exit 1) of the table below is made of.
REFUSAL_KEYS = {
    "show 2026-042": "BILAN_INCONNU",
    "show 2026-42": "ID_MALFORME",
    "new --nom  --prenom X": "NOM_VIDE",
    "new --nom A --prenom B --statut cadre": "VALEUR_ENUM_INCONNUE",
    "new --nom A --prenom B --financement opco": "VALEUR_ENUM_INCONNUE",
    "new --nom A --prenom B --format zoom": "VALEUR_ENUM_INCONNUE",
    "new --nom A --prenom B --date 31/02/2026": "DATE_IMPOSSIBLE",
    "new --nom A --prenom B --date bientôt": "DATE_ILLISIBLE",
    "new --nom A --prenom B --tarif -5": "MONTANT_NEGATIF",
    "new --nom A --prenom B --tarif cher": "MONTANT_ILLISIBLE",
    "new --nom A --prenom B --heures-prevues 30": "HEURES_MAX",
    "new --nom A --prenom B --heures-prevues dix": "HEURES_ILLISIBLES",
    "set 2026-001 humeur x": "CHAMP_INCONNU",
    "set 2026-001 heures_prevues -2": "HEURES_NEGATIVES",
    "set 2026-001 nom ": "VALEUR_VIDE",
    "consent 2026-001 cnil": "CONSENTEMENT_INCONNU",
    "consent 2026-001 bilan --date 30/02/2026": "DATE_IMPOSSIBLE",
}


@pytest.mark.parametrize(("args", "code", "words"), [
    (["show", "2026-042"], 1, "2026-042"),
    (["show", "2026-42"], 1, "AAAA-NNN"),
    (["new", "--nom", "", "--prenom", "X"], 1, "nom"),
    (["new", "--nom", "A", "--prenom", "B", "--statut", "cadre"], 1, "cadre"),
    (["new", "--nom", "A", "--prenom", "B", "--financement", "opco"], 1, "opco"),
    (["new", "--nom", "A", "--prenom", "B", "--format", "zoom"], 1, "zoom"),
    (["new", "--nom", "A", "--prenom", "B", "--date", "31/02/2026"], 1, "31/02/2026"),
    (["new", "--nom", "A", "--prenom", "B", "--date", "bientôt"], 1, "bientôt"),
    (["new", "--nom", "A", "--prenom", "B", "--tarif", "-5"], 1, "-5"),
    (["new", "--nom", "A", "--prenom", "B", "--tarif", "cher"], 1, "cher"),
    (["new", "--nom", "A", "--prenom", "B", "--heures-prevues", "30"], 1, "L6313-4 al. 5"),
    (["new", "--nom", "A", "--prenom", "B", "--heures-prevues", "dix"], 1, "dix"),
    (["set", "2026-001", "humeur", "x"], 1, "humeur"),
    (["set", "2026-001", "heures_prevues", "-2"], 1, "-2"),
    (["set", "2026-001", "nom", ""], 1, "nom"),
    (["consent", "2026-001", "cnil"], 1, "cnil"),
    (["consent", "2026-001", "bilan", "--date", "30/02/2026"], 1, "30/02/2026"),
    (["new", "--nom", "A"], 2, "--prenom"),
    (["show"], 2, "ID"),
    (["shwo", "2026-001"], 2, "shwo"),
    (["show", "2026-001", "--verbose"], 2, "--verbose"),
    (["new", "--nom"], 2, "--nom"),
    (["show", "2026-001", "en-trop"], 2, "argument en trop : en-trop"),
    (["purge", "--yes", "x"], 2, "argument en trop : x"),
    (["--home", "/tmp/ailleurs"], 2, "commande manquante"),
])
def test_bad_input_is_refused_in_french_and_changes_nothing(bilan, args, code, words):
    bilan.new()
    before = bilan.db_bytes()
    result = bilan(*args, code=code)
    assert result.stderr.startswith("Erreur : ")
    assert code != 1 or result.key == REFUSAL_KEYS[" ".join(args)], result.key
    assert words in result.stderr
    assert result.stdout == ""
    assert bilan.db_bytes() == before


def test_an_unreadable_bilan_today_is_refused(bilan):
    bilan.today("demain")
    assert bilan("new", "--nom", "A", "--prenom", "B", code=1).key == "TODAY_ILLISIBLE"


def test_bilan_today_replaces_today(bilan):
    bilan.today("2031-07-14")
    assert bilan.new() == "2031-001"
    assert bilan.json("show", "2031-001")["date_ouverture"] == "2031-07-14"


def test_a_purge_while_the_editor_is_open_wins(bilan, tmp_path, monkeypatch):
    """The editor is slow; meanwhile the content is destroyed: the edit must not bring it back."""
    from bilancli.store.db import Store

    bid = bilan.new()
    bilan("set", bid, "demande", "Avant")
    script = tmp_path / "editeur.py"
    script.write_text(
        "import sqlite3, sys\n"
        f"db = sqlite3.connect({str(bilan.home / 'bilans.db')!r})\n"
        "db.execute(\"UPDATE bilans SET contenu_detruit_le = '2026-03-02'\")\n"
        "db.execute('DELETE FROM champs')\n"
        "db.commit()\n"
        "open(sys.argv[1], 'w').write('TEXTE-REVENU')\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = bilan("set", bid, "demande", code=1)
    assert result.key == "CONTENU_DETRUIT" and "détruit" in result.stderr
    store = Store(bilan.home)
    try:
        assert store.conn.execute("SELECT COUNT(*) FROM champs").fetchone()[0] == 0
    finally:
        store.close()
    assert b"TEXTE-REVENU" not in bilan.db_bytes()


def test_show_speaks_french_to_the_consultant(bilan):
    bid = bilan.new("--financement", "plan", "--heures-prevues", "20,5")
    out = bilan("show", bid).stdout
    assert "à transmettre au salarié (R6313-8)" in out
    assert "0 réalisées sur 20,5 prévues" in out
    assert "a_transmettre" not in out and "20.5" not in out


def test_show_and_stats_name_codes_in_words(bilan):
    bid = bilan.new("--statut", "salarie", "--financement", "cpf", "--format", "distanciel")
    bilan("consent", bid, "bilan")
    said = bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "2h", "--modalite", "visio")
    assert "(2h, visioconférence)" in said.stdout
    assert "Champ « Demande » enregistré" in bilan("set", bid, "demande", "Reconversion").stdout
    out = " ".join(bilan("show", bid).stdout.split())
    for words in ("Salarié(e)", "Compte personnel de formation (CPF)", "À distance (visioconférence)",
                  "Visioconférence"):
        assert words in out
    assert "salarie" not in out and "distanciel" not in out
    figures = " ".join(bilan("stats", "--annee", "2026").stdout.split())
    assert "Salarié(e)" in figures and "Compte personnel de formation (CPF)" in figures


def test_system_and_toml_errors_are_explained_in_french(bilan, tmp_path):
    bid = bilan.new()
    (bilan.home / "config.toml").write_text('[cabinet]\nnom = "MY CAMPUS\n', encoding="utf-8")
    refusal = bilan("purge", "--dry-run", code=1)
    assert refusal.key == "CONFIG_ILLISIBLE", refusal.stderr
    err = refusal.stderr
    assert "config.toml illisible (erreur de syntaxe TOML ligne 2, colonne" in err
    (bilan.home / "config.toml").write_bytes(b"[cabinet]\nnom = \"\xe9\"\n")
    refusal = bilan("show", bid, code=1)
    assert refusal.key == "CONFIG_ILLISIBLE" and "pas en UTF-8" in refusal.stderr
    a_file = tmp_path / "pas-un-dossier"
    a_file.write_text("x")
    refusal = bilan("--home", str(a_file), "list", code=1)
    assert refusal.key == "STORE_INACCESSIBLE", refusal.stderr
    err = refusal.stderr
    assert "un fichier porte déjà ce nom" in err
    for english in ("Invalid", "Expected", "File exists", "codec"):
        assert english not in err


def test_list_prints_aligned_columns_and_user_text_as_typed(bilan):
    bilan.new(nom="Dupont [bold]\x1b[31m", prenom="Jean\nLuc")
    bilan.new("--date", "2026-01-02", nom="Martin")
    lines = bilan("list").stdout.splitlines()
    assert lines[0].split() == ["Bilan", "Bénéficiaire", "Phase", "Ouverture", "Fin"]
    assert "Jean Luc Dupont [bold]" in lines[1] and "\x1b" not in lines[1]
    assert lines[1].index("préliminaire") == lines[2].index("préliminaire")   # aligned
    assert len(lines) == 3


@pytest.mark.parametrize("args", [
    ["list"], ["list", "--json"], ["agenda", "--json"], ["stats", "--json"], ["show", "2026-001"],
    ["phase", "show", "2026-001"], ["entretien", "list", "2026-001"], ["doc", "list", "2026-001"],
    ["purge", "--dry-run"], ["purge", "--yes", "--json"],
])
def test_reading_a_mistyped_home_leaves_nothing_behind(bilan, tmp_path, args):
    typo = tmp_path / "dossier-mal-tape"
    result = bilan("--home", str(typo), *args, code=None)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stderr
    assert not typo.exists()
