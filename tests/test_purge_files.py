"""Recorded files: the purge destroys what the tool wrote, never what has since replaced it."""

import json
import sqlite3

import pytest


@pytest.fixture
def rendered(bilan, tmp_path):
    """A bilan whose synthèse was rendered with -o outside BILAN_HOME."""
    bid = bilan.new(nom="Martin", prenom="Élodie")
    bilan("set", bid, "demande", "Changer de métier.")
    target = tmp_path / "remise" / "rapport.md"
    target.parent.mkdir()
    bilan("synthese", "render", bid, "--format", "md", "-o", target)
    return bid, target


def live_rows(bilan, bid) -> int:
    conn = sqlite3.connect(bilan.home / "bilans.db")
    try:
        return conn.execute("SELECT COUNT(*) FROM rendus WHERE bilan_id = ? AND detruit_le IS NULL",
                            (bid,)).fetchone()[0]
    finally:
        conn.close()


def test_a_file_rewritten_since_the_rendering_is_never_destroyed(bilan, rendered):
    bid, target = rendered
    target.write_text("Mes notes personnelles, sans rapport avec le bilan.", encoding="utf-8")
    bilan("abandon", bid)

    result = bilan("purge", "--yes", code=1)
    assert result.key == "PURGE_INCOMPLETE", result.stderr
    assert target.read_text(encoding="utf-8") == "Mes notes personnelles, sans rapport avec le bilan."
    assert str(target) in result.stderr and "modifié depuis le rendu" in result.stderr
    assert "supprimez-le vous-même" in result.stderr
    # The rest of the bilan went; the file stays on the list until the consultant decides.
    assert bilan.json("show", bid)["purge"]["contenu_detruit_le"] == "2026-03-02"
    assert live_rows(bilan, bid) == 1

    again = bilan("purge", "--yes", "--json", code=1)
    assert again.key == "PURGE_INCOMPLETE", again.stderr
    (entry,) = json.loads(again.stdout)["bilans"]
    assert entry["fichiers_non_detruits"] == [
        {"chemin": str(target), "raison": "modifié depuis le rendu : vérifiez et supprimez-le vous-même"}]
    assert entry["destructions"] == []
    assert target.exists()

    target.unlink()   # removed by hand: counts as destroyed at the next run
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert [(d["nature"], d["nombre"], d["octets"]) for d in entry["destructions"]] == [
        ("fichiers_synthese", 1, 0)]
    assert entry["fichiers_non_detruits"] == []
    assert live_rows(bilan, bid) == 0
    assert bilan.json("purge", "--yes")["bilans"] == []


def test_a_link_put_in_place_of_the_file_is_left_alone_and_so_is_its_target(bilan, rendered, tmp_path):
    bid, target = rendered
    other = tmp_path / "autre.txt"
    other.write_text("Un autre dossier.", encoding="utf-8")
    target.unlink()
    target.symlink_to(other)
    bilan("abandon", bid)
    result = bilan("purge", "--yes", code=1)
    assert result.key == "PURGE_INCOMPLETE", result.stderr
    assert "modifié depuis le rendu" in result.stderr
    assert target.is_symlink() and other.read_text(encoding="utf-8") == "Un autre dossier."
    assert live_rows(bilan, bid) == 1


def test_the_file_as_rendered_is_destroyed(bilan, rendered):
    bid, target = rendered
    size = target.stat().st_size
    bilan("abandon", bid)
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    went = {d["nature"]: d for d in entry["destructions"]}
    assert (went["fichiers_synthese"]["nombre"], went["fichiers_synthese"]["octets"]) == (1, size)
    assert not target.exists() and live_rows(bilan, bid) == 0


def test_a_path_rendered_twice_counts_once_and_the_dry_run_says_what_the_purge_does(bilan, rendered):
    bid, target = rendered
    bilan("synthese", "render", bid, "--format", "md")
    bilan("set", bid, "projet", "Formatrice pour adultes")   # the second rendering differs
    bilan("synthese", "render", bid, "--format", "md")
    bilan("synthese", "render", bid, "--format", "md", "-o", target)
    default = bilan.home / "documents" / bid / f"synthese-{bid}.md"
    sizes = default.stat().st_size + target.stat().st_size
    assert live_rows(bilan, bid) == 4
    bilan("abandon", bid)

    (planned,) = bilan.json("purge", "--dry-run")["bilans"]
    (done,) = bilan.json("purge", "--yes")["bilans"]
    assert planned == done
    files = {d["nature"]: d for d in done["destructions"]}["fichiers_synthese"]
    assert (files["nombre"], files["octets"]) == (2, sizes)
    assert not default.exists() and not target.exists() and live_rows(bilan, bid) == 0


def test_a_path_since_rendered_for_another_bilan_is_left_to_that_bilan(bilan, rendered):
    first, target = rendered
    second = bilan.new(nom="Durand", prenom="Paul")
    bilan("set", second, "demande", "Évoluer en interne.")
    bilan("synthese", "render", second, "--format", "md", "-o", target)
    content = target.read_bytes()
    bilan("abandon", first)

    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert entry["id"] == first and entry["fichiers_non_detruits"] == []
    assert "fichiers_synthese" not in {d["nature"] for d in entry["destructions"]}
    assert target.read_bytes() == content        # the other bilan's document is untouched
    assert live_rows(bilan, first) == 0 and live_rows(bilan, second) == 1


def test_a_real_purge_with_nothing_due_is_not_a_simulation(bilan):
    bilan.new()
    assert bilan.json("purge", "--yes") == {"date": "2026-03-02", "simulation": False, "bilans": [],
                                            "reclamations": [], "sauvegardes": []}
    assert bilan.json("purge", "--dry-run")["simulation"] is True


def test_the_text_dry_run_names_the_file_it_will_leave_and_why(bilan, rendered):
    bid, target = rendered
    target.write_text("Mes notes personnelles.", encoding="utf-8")
    bilan("abandon", bid)
    before = bilan.db_bytes()

    result = bilan("purge", "--dry-run")
    assert bid in result.stdout and "Simulation" in result.stdout   # the rest would still go
    assert f"le fichier {target} du bilan {bid} ne sera pas détruit" in result.stderr
    assert "modifié depuis le rendu : vérifiez et supprimez-le vous-même" in result.stderr
    assert bilan.db_bytes() == before and target.exists()


def test_a_purge_that_destroys_nothing_says_so(bilan, rendered):
    bid, target = rendered
    target.write_text("Mes notes personnelles.", encoding="utf-8")
    bilan("abandon", bid)
    bilan("purge", "--yes", code=1)

    planned = bilan("purge", "--dry-run")
    assert "Rien à détruire au 02/03/2026" in planned.stdout and "Bilan" not in planned.stdout
    assert str(target) in planned.stderr

    again = bilan("purge", "--yes", code=1)
    assert again.key == "PURGE_INCOMPLETE", again.stderr
    assert "Purge du 02/03/2026 : rien n'a été détruit." in again.stdout
    assert "Détruit" not in again.stdout and "traité" not in again.stdout
    assert f"le fichier {target} du bilan {bid} n'a pas été détruit" in again.stderr
    assert target.exists()
