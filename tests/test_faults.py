"""The promise under faults (SPEC §8): a command killed at any instant, a link planted where
the tool writes or destroys, a signal during an editor round trip — and still nothing of
the content survives the purge, nothing outside the data folder is harmed."""

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import storeio
from docstore import writing
from killing import KILLER
from test_purge_traces import traces

import bilancli

SRC = str(Path(bilancli.__file__).resolve().parents[1])
MARK = "QZXFAUTEXZQ"


def env_for(home: Path, **extra) -> dict:
    return {**os.environ, "BILAN_HOME": str(home), "BILAN_TODAY": "2026-03-02", "PYTHONPATH": SRC,
            **extra}


def run(home: Path, *args, **extra) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", KILLER, *map(str, args)], env=env_for(home, **extra),
                          capture_output=True, stdin=subprocess.DEVNULL)


def in_conclusion(home: Path) -> str:
    """A bilan in conclusion whose content holds the marker."""
    with writing(home) as conn:
        bid = storeio.create(conn, opened_on=date(2026, 3, 1), admin={"nom": "Martin", "prenom": "Claire"})
        for field in ("demande", "objectifs", "plan_action"):
            storeio.set_content(conn, bid, field, f"{field} {MARK}", date(2026, 3, 1))
        storeio.add_entretien(conn, bid, on=date(2026, 3, 1), minutes=60, modalite="visio",
                              phase="preliminaire")
        storeio.enter_phase(conn, bid, "conclusion", date(2026, 3, 2))
    return bid


def end_and_purge(bilan, bid: str) -> None:
    with writing(bilan.home) as conn:
        storeio.enter_phase(conn, bid, "termine", date(2026, 3, 2), date_fin=date(2026, 3, 2))
    result = bilan("purge", "--yes", code=None)
    assert result.exit_code in (0, 1), result.stderr


def nothing_left(*folders: Path) -> dict:
    found = {}
    for folder in folders:
        found.update({f"{folder.name}:{k}": v for k, v in traces(folder, [MARK]).items()})
    return found


# --- 1. a killed rendering ---------------------------------------------------------------------

@pytest.mark.parametrize("step", ["avant_ecriture", "avant_renommage", "avant_confirmation"])
@pytest.mark.parametrize("where", ["documents", "ailleurs"])
def test_a_rendering_killed_at_any_step_leaves_nothing_the_purge_misses(bilan, tmp_path, step, where):
    bid = in_conclusion(bilan.home)
    outside = tmp_path / "sorties"
    outside.mkdir()
    target = ["-o", outside / "synthese.md"] if where == "ailleurs" else []
    killed = run(bilan.home, "synthese", "render", bid, "--format", "md", *target, MOURIR=step)
    assert killed.returncode == 137, killed.stderr
    end_and_purge(bilan, bid)
    assert nothing_left(bilan.home, outside) == {}
    assert not list(outside.iterdir())


def test_a_rendering_killed_at_swept_instants_leaves_nothing(bilan, tmp_path):
    """Real kills, at delays swept across a whole rendering."""
    bid = in_conclusion(bilan.home)
    outside = tmp_path / "sorties"
    outside.mkdir()
    argv = [sys.executable, "-m", "bilancli", "synthese", "render", bid, "--format", "md",
            "-o", str(outside / "synthese.md")]
    started = time.monotonic()
    subprocess.run(argv, env=env_for(bilan.home), capture_output=True, check=True)
    whole = time.monotonic() - started
    for step in range(12):
        process = subprocess.Popen(argv, env=env_for(bilan.home), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(whole * step / 11)
        process.send_signal(signal.SIGKILL)
        process.wait()
    end_and_purge(bilan, bid)
    assert nothing_left(bilan.home, outside) == {}


# --- 2. a symbolic link at the output path --------------------------------------------------------

def test_a_link_at_the_output_path_is_replaced_never_written_through(bilan, tmp_path):
    bid = in_conclusion(bilan.home)
    elsewhere = tmp_path / "autre.txt"
    elsewhere.write_text("ne pas toucher")
    outside = tmp_path / "sorties"
    outside.mkdir()
    link = outside / "synthese.md"
    link.symlink_to(elsewhere)
    bilan("synthese", "render", bid, "--format", "md", "-o", link)
    assert elsewhere.read_text() == "ne pas toucher"
    assert not link.is_symlink() and MARK in link.read_text(encoding="utf-8")
    assert bilan.json("show", bid)["documents"]   # the kept copy
    end_and_purge(bilan, bid)
    assert not link.exists() and elsewhere.read_text() == "ne pas toucher"
    assert nothing_left(bilan.home, outside) == {}


# --- 3. hard links where the purge works --------------------------------------------------------

def test_a_hard_link_planted_at_the_tombstone_name_is_never_zeroed(bilan, tmp_path):
    bid = in_conclusion(bilan.home)
    bilan("synthese", "render", bid, "--format", "md")
    folder = bilan.home / "documents" / bid
    precious = tmp_path / "precieux.txt"
    precious.write_text("données d'un autre fichier")
    os.link(precious, folder / f".synthese-{bid}.md.bilan-purge")
    end_and_purge(bilan, bid)
    assert precious.read_text() == "données d'un autre fichier"
    assert nothing_left(bilan.home) == {}


def test_a_rendered_file_with_another_hard_link_loses_its_name_not_the_other_s_bytes(bilan, tmp_path):
    bid = in_conclusion(bilan.home)
    outside = tmp_path / "sorties"
    outside.mkdir()
    bilan("synthese", "render", bid, "--format", "md", "-o", outside / "synthese.md")
    backup = tmp_path / "copie-de-sauvegarde.md"
    os.link(outside / "synthese.md", backup)
    with writing(bilan.home) as conn:
        storeio.enter_phase(conn, bid, "termine", date(2026, 3, 2), date_fin=date(2026, 3, 2))
    result = bilan("purge", "--yes")
    assert not (outside / "synthese.md").exists()
    assert MARK in backup.read_text(encoding="utf-8")   # never written into
    assert "autre nom" in result.stderr and "synthese.md" in result.stderr


def test_a_hard_link_to_another_file_at_the_recorded_path_is_left_alone(bilan, tmp_path):
    bid = in_conclusion(bilan.home)
    outside = tmp_path / "sorties"
    outside.mkdir()
    bilan("synthese", "render", bid, "--format", "md", "-o", outside / "synthese.md")
    precious = tmp_path / "precieux.txt"
    precious.write_text("un autre contenu")
    (outside / "synthese.md").unlink()
    os.link(precious, outside / "synthese.md")
    end_and_purge(bilan, bid)
    assert precious.read_text() == "un autre contenu"


# --- 4. editor drafts under signals --------------------------------------------------------------

EDITOR = f"""#!/bin/sh
printf '{MARK}' >> "$1"
echo "$1" > "$(dirname "$0")/brouillon.txt"
sleep 30
"""


@pytest.mark.parametrize("place", ["home", "runtime"])
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL, signal.SIGINT])
def test_an_editor_draft_never_outlives_its_command(bilan, tmp_path, monkeypatch, sig, place):
    """SPEC §15: the draft in clear goes to the user's private runtime folder (memory) where
    there is one, never under BILAN_HOME; else to BILAN_HOME/brouillons."""
    bid = bilan.new()
    editor = tmp_path / "editeur.sh"
    editor.write_text(EDITOR)
    editor.chmod(0o700)
    temp = tmp_path / "tmp"
    temp.mkdir()
    extra = {}
    drafts = bilan.home / "brouillons"
    if place == "runtime":
        runtime = tmp_path / "run"
        runtime.mkdir(mode=0o700)
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
        extra["XDG_RUNTIME_DIR"] = str(runtime)
        drafts = runtime / "bilancli-brouillons"
    process = subprocess.Popen([sys.executable, "-m", "bilancli", "set", bid, "demande"],
                               env=env_for(bilan.home, EDITOR=str(editor), TMPDIR=str(temp), **extra),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    draft_note = tmp_path / "brouillon.txt"
    for _ in range(200):
        if draft_note.exists() and draft_note.read_text().strip():
            break
        time.sleep(0.05)
    draft = Path(draft_note.read_text().strip())
    assert draft.is_relative_to(drafts) and MARK in draft.read_text()
    assert stat.S_IMODE(drafts.stat().st_mode) == 0o700
    if place == "runtime":
        assert nothing_left(bilan.home) == {} and not (bilan.home / "brouillons").exists()
    process.send_signal(sig)
    process.wait(timeout=20)
    os.killpg(process.pid, signal.SIGKILL)   # the editor's own child (`sleep`) holds the pipes
    if sig != signal.SIGKILL:
        assert not draft.exists() and nothing_left(bilan.home, temp, drafts.parent) == {}
        assert b"Interrompu" in process.stderr.read()
    else:
        assert draft.exists()
    bilan("list")   # a command that only reads writes nothing, not even a clean-up
    assert draft.exists() == (sig == signal.SIGKILL)
    bilan("set", bid, "objectifs", "relu")   # the next command that writes destroys it first
    assert nothing_left(bilan.home, temp, drafts.parent) == {}
    assert not draft.exists() and not drafts.exists()
    assert bilan.json("show", bid)["champs"]["demande"] is None


# --- 5. doc get -o copies --------------------------------------------------------------------

def test_a_document_written_back_to_disk_is_destroyed_with_the_rest(bilan, tmp_path):
    bid = in_conclusion(bilan.home)
    source = tmp_path / "test.txt"
    source.write_text(f"résultats {MARK}")
    bilan("doc", "add", bid, source, "--type", "test")
    source.unlink()
    outside = tmp_path / "sorties"
    outside.mkdir()
    bilan("doc", "get", bid, "1", "-o", outside / "copie.txt")
    assert MARK in (outside / "copie.txt").read_text()
    with writing(bilan.home) as conn:
        storeio.enter_phase(conn, bid, "termine", date(2026, 3, 2), date_fin=date(2026, 3, 2))
    plan = bilan("purge", "--dry-run").stdout
    assert str(outside / "copie.txt") in plan            # the dry run names it
    assert str(outside / "copie.txt") not in bilan("purge", "--dry-run", "--json").stdout
    end_and_purge(bilan, bid)
    assert not (outside / "copie.txt").exists() and nothing_left(bilan.home, outside) == {}


# --- 6. dates out of any bilan's range --------------------------------------------------------------

@pytest.mark.parametrize("day", ["9999-12-31", "1969-12-31", "01/01/2100", "3 mars 9999"])
def test_a_date_out_of_range_is_refused(bilan, day):
    bid = bilan.new()
    before = bilan.db_bytes()
    result = bilan("entretien", "add", bid, "--date", day, "--duree", "1h", code=1)
    assert result.key == "DATE_HORS_LIMITES" and bilan.db_bytes() == before


def test_a_far_date_stored_before_the_bounds_breaks_neither_agenda_nor_purge(bilan):
    bid = bilan.new()
    with writing(bilan.home) as conn:
        storeio.add_entretien(conn, bid, on=date(2026, 3, 1), minutes=60, modalite="visio",
                              phase="preliminaire")
        storeio.enter_phase(conn, bid, "termine", date(9999, 12, 31), date_fin=date(9999, 12, 31))
        storeio.convention_sent(conn, bid, date(9999, 12, 30))
    other = bilan.new("--financement", "plan", nom="Durand")
    bilan("convention", "send", other)
    assert any(i["bilan"] == other for i in bilan.json("agenda"))
    bilan("purge", "--yes")
    bilan("show", bid)


# --- 7. a full disk ----------------------------------------------------------------------------------

def _full(*args, **kwargs):
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL
    raise error


def test_a_full_disk_is_said_and_the_store_is_unchanged(bilan, monkeypatch):
    from bilancli.store import writes

    bid = bilan.new()
    before = bilan.db_bytes()
    monkeypatch.setitem(writes.WRITERS, writes.ch.FieldSet, _full)
    result = bilan("set", bid, "demande", "un texte", code=1)
    assert result.key == "DISQUE_PLEIN" and "Erreur inattendue" not in result.stderr
    assert bilan.db_bytes() == before


def test_a_purge_cut_by_a_full_disk_says_truly_what_it_did(bilan, monkeypatch):
    from purge_helpers import make_ended_bilan

    from bilancli.store.conservation import purge

    ids = [make_ended_bilan(bilan.home, f"PLEIN{i}", end=date(2026, 1, 1 + i)) for i in range(25)]
    monkeypatch.setattr(purge, "BATCH_MIN", 10)
    monkeypatch.setattr(purge, "COMMITS", 3)
    real = purge._inspect_db
    calls = []

    def fills_up(conn, due):
        calls.append(1)
        if len(calls) == 3:   # the plan's inventory, then the first batch, then the second
            _full()
        return real(conn, due)

    monkeypatch.setattr(purge, "_inspect_db", fills_up)
    result = bilan("purge", "--yes", code=1)
    assert result.key == "PURGE_DISQUE_PLEIN"
    assert result.error.values["faits"] == 10 and result.error.values["fichiers"] == 20
    monkeypatch.setattr(purge, "_inspect_db", real)
    bilan("purge", "--yes")
    assert all(bilan.json("show", bid)["purge"]["contenu_detruit_le"] for bid in ids)


# --- 8. another program's SQLite file ---------------------------------------------------------------

@pytest.mark.parametrize("args", [["list"], ["show", "2026-001"], ["agenda"], ["stats"],
                                  ["purge", "--dry-run"], ["new", "--nom", "A", "--prenom", "B"]])
def test_another_program_s_database_is_refused_and_left_untouched(bilan, args):
    bilan.home.mkdir()
    bilan.home.chmod(0o755)   # its folder's rights too (found by an adversarial probe)
    conn = sqlite3.connect(bilan.home / "bilans.db")
    conn.execute("CREATE TABLE notes (texte TEXT)")
    conn.execute("INSERT INTO notes VALUES ('à moi')")
    conn.commit()
    conn.close()
    (bilan.home / "bilans.db").chmod(0o644)
    before = bilan.db_bytes()
    result = bilan(*args, code=1)
    assert result.key == "STORE_ETRANGER"
    assert bilan.db_bytes() == before
    assert stat.S_IMODE((bilan.home / "bilans.db").stat().st_mode) == 0o644
    assert stat.S_IMODE(bilan.home.stat().st_mode) == 0o755


def test_a_read_command_on_an_older_store_writes_nothing(bilan, monkeypatch):
    from bilancli.store import schema
    from bilancli.store.db import Store

    with monkeypatch.context() as first_version:
        first_version.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        first_version.setattr(schema, "SCHEMA_VERSION", 1)
        Store(bilan.home).close()
    before = bilan.db_bytes()
    assert bilan.json("list") == [] and bilan.json("agenda") == []
    assert bilan.db_bytes() == before
    bilan.new()   # the first write brings it up to date
    assert sqlite3.connect(bilan.home / "bilans.db").execute("PRAGMA user_version").fetchone()[0] \
        == schema.SCHEMA_VERSION


# --- 9. no mode changed outside the data folder ---------------------------------------------------

def test_a_linked_documents_folder_is_refused_and_its_target_keeps_its_mode(bilan, tmp_path):
    bid = in_conclusion(bilan.home)
    outside = tmp_path / "partage"
    outside.mkdir(mode=0o755)
    outside.chmod(0o755)
    (bilan.home / "documents").mkdir()
    (bilan.home / "documents" / bid).symlink_to(outside)
    result = bilan("synthese", "render", bid, "--format", "md", code=1)
    assert result.key == "CHEMIN_LIEN"
    assert stat.S_IMODE(outside.stat().st_mode) == 0o755 and not list(outside.iterdir())


def test_a_linked_store_is_refused_and_its_target_keeps_its_mode(bilan, tmp_path):
    target = tmp_path / "ailleurs.db"
    sqlite3.connect(target).close()
    target.chmod(0o644)
    bilan.home.mkdir()
    (bilan.home / "bilans.db").symlink_to(target)
    for args in (["list"], ["new", "--nom", "A", "--prenom", "B"]):
        assert bilan(*args, code=1).key == "CHEMIN_LIEN"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


# --- 10. escape sequences typed in a field ----------------------------------------------------

def test_no_control_character_reaches_the_terminal(bilan, tmp_path):
    hostile = "Dupont\x1b[31m\x1b[2J\u202egauche\x07"
    bid = bilan.new("--employeur", hostile, nom=hostile)
    bilan("set", bid, "demande", hostile)
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h")
    (tmp_path / "d.txt").write_text("x")
    bilan("doc", "add", bid, tmp_path / "d.txt", "--titre", hostile)
    for args in (["show", bid], ["list"], ["agenda"], ["phase", "show", bid], ["entretien", "list", bid],
                 ["doc", "list", bid], ["set", bid, "nom", hostile]):
        out = bilan(*args).stdout_bytes
        assert b"\x1b" not in out and "\u202e".encode() not in out and b"\x07" not in out, args
    refusal = bilan("show", hostile, code=1)
    assert refusal.key == "ID_MALFORME" and "\x1b" not in refusal.stderr


# --- 11. what a user can type never ends in « Erreur inattendue » ------------------------------------

def test_an_argument_that_is_not_utf8_is_named(bilan, tmp_path):
    bid = bilan.new()
    result = subprocess.run([sys.executable, "-m", "bilancli", "set", bid, "demande", b"caf\xe9"],
                            env=env_for(bilan.home), capture_output=True)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert "UTF-8" in err and "n° 4" in err and "inattendue" not in err
    assert bilan.json("show", bid)["champs"]["demande"] is None


@pytest.mark.parametrize(("editor", "key"), [("/tmp", "EDITEUR_NON_EXECUTABLE"),
                                              ('vim "sans fin', "EDITEUR_ILLISIBLE"),
                                              ("   ", "EDITEUR_ABSENT"),
                                              ("/pas/de/tel/editeur", "EDITEUR_INTROUVABLE")])
def test_an_editor_that_cannot_run_is_named(bilan, monkeypatch, editor, key):
    bid = bilan.new()
    monkeypatch.setenv("EDITOR", editor)
    before = bilan.db_bytes()
    assert bilan("set", bid, "demande", code=1).key == key
    assert bilan.db_bytes() == before


@pytest.mark.parametrize(("toml", "key"), [
    ('[conservation]\nadministratif = "99999 ans"\n', "ADMINISTRATIF_TROP_LONG"),
    ('[conservation]\nadministratif = "21 ans"\n', "ADMINISTRATIF_TROP_LONG"),
    ('[conservation]\nduree = "99999 ans"\n', "PERIODE_TROP_LONGUE"),
])
def test_an_absurd_setting_is_refused_by_every_command_that_reads_the_settings(bilan, toml, key):
    bid = bilan.new()
    (bilan.home / "config.toml").write_text(toml, encoding="utf-8")
    for args in (["agenda"], ["purge", "--dry-run"], ["show", bid], ["synthese", "render", bid, "-o", "-"]):
        assert bilan(*args, code=1).key == key, args


def test_a_template_that_includes_itself_is_named(bilan):
    bid = bilan.new()
    (bilan.home / "templates").mkdir()
    (bilan.home / "templates" / "synthese.md.j2").write_text('{% include "synthese.md.j2" %}')
    assert bilan("synthese", "render", bid, "--format", "md", "-o", "-", code=1).key == "MODELE_RECURSIF"


# --- 12. a journal left by a kill -----------------------------------------------------------------

HALF_WRITE = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA secure_delete = ON")
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE champs SET valeur = 'moitié écrit'")
conn.execute("DELETE FROM entretiens")
os._exit(137)
"""


def test_a_journal_left_by_a_kill_is_rolled_back_before_anything_is_read(bilan):
    bid = bilan.new()
    bilan("set", bid, "demande", "texte entier")
    bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h")
    subprocess.run([sys.executable, "-c", HALF_WRITE, str(bilan.home / "bilans.db")])
    assert (bilan.home / "bilans.db-journal").exists()
    view = bilan.json("show", bid)
    assert view["champs"]["demande"] == "texte entier" and len(view["entretiens"]) == 1
    assert not (bilan.home / "bilans.db-journal").exists()


def test_a_stale_journal_that_sqlite_would_ignore_is_destroyed(bilan):
    bid = bilan.new()
    stale = bilan.home / "bilans.db-journal"
    stale.write_bytes(b"\0" * 28 + MARK.encode() * 20)   # no valid header: not hot
    assert bilan.json("show", bid)["id"] == bid
    assert not stale.exists()


@pytest.mark.parametrize("day", ["mars 2026", "02/2026", "2026"])
def test_a_date_without_its_day_is_refused(bilan, day):
    bid = bilan.new()
    assert bilan("consent", bid, "bilan", "--date", day, code=1).key == "DATE_ILLISIBLE"


@pytest.mark.parametrize("args", [["synthese", "render", "{id}", "--format", "md", "-o", ""],
                                  ["doc", "get", "{id}", "1", "-o", " "],
                                  ["calendrier", "-o", ""]])
def test_a_blank_output_path_is_refused(bilan, args):
    bid = bilan.new()
    before = bilan.db_bytes()
    assert bilan(*[a.format(id=bid) for a in args], code=1).key == "SORTIE_VIDE"
    assert bilan.db_bytes() == before and not (bilan.home / "documents").exists()


def test_a_fifo_as_config_toml_never_hangs(bilan):
    bid = bilan.new()
    os.mkfifo(bilan.home / "config.toml")
    assert bilan("agenda", code=1).key == "CONFIG_ILLISIBLE"
    assert bilan("show", bid, code=1).key == "CONFIG_ILLISIBLE"


def test_a_refused_editor_leaves_no_folder_behind(bilan, monkeypatch):
    bid = bilan.new()
    monkeypatch.setenv("EDITOR", "/tmp")
    bilan("set", bid, "demande", code=1)
    assert not (bilan.home / "brouillons").exists()


@pytest.mark.parametrize("day", ["9999-12-31", "1969-01-01"])
def test_a_today_out_of_range_is_refused(bilan, day):
    bilan.new()
    bilan.today(day)
    assert bilan("agenda", code=1).key == "TODAY_ILLISIBLE"
