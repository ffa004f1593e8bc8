"""Backups and restores under faults (issue 20: 1, 2, 4, 5, 7): a writer racing a restore,
backups cut part-way, what is not a whole backup, a backup inside the data folder, a full
backup disk, links inside a backup folder. Kills and races are aimed by injection (a
function replaced in the process), and each test checks that its injection landed."""

import errno
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from purge_helpers import CONTENT_KINDS, marker
from test_backups import cabinet, end, running_with_markers  # noqa: F401 (fixture)
from test_purge_traces import traces

import bilancli
from bilancli.store.conservation import backups as store_backups
from bilancli.store.conservation import restore as store_restore


def env_for(home, **extra) -> dict:
    return dict(os.environ, BILAN_HOME=str(home), BILAN_TODAY="2026-03-02",
                PYTHONPATH=str(Path(bilancli.__file__).parents[1]), **extra)


def only_backup(folder: Path) -> Path:
    (backup,) = [p for p in folder.iterdir() if p.name.startswith("sauvegarde-")]
    return backup


def tree(path: Path) -> list:
    """Every name under `path` (links not followed) with its bytes: to say it is untouched."""
    found = []
    for root, dirs, files in os.walk(path):
        for name in sorted(dirs + files):
            full = Path(root) / name
            found.append((str(full.relative_to(path)), os.readlink(full) if full.is_symlink()
                          else full.read_bytes() if full.is_file() else None))
    return sorted(found)


# --- 1. a restore loses nothing reported done -------------------------------------------------

WRITER = """
import os, sys
from pathlib import Path
from bilancli.store import db
real = db.Store.write
def write(self, *args, **kwargs):
    Path(os.environ["ECRIT"]).touch()      # about to take the write lock
    return real(self, *args, **kwargs)
db.Store.write = write
if hasattr(db.Store, "hold"):
    real_hold = db.Store.hold
    def hold(self, *args, **kwargs):
        Path(os.environ["ECRIT"]).touch()
        return real_hold(self, *args, **kwargs)
    db.Store.hold = hold
from bilancli.cli import main
main(sys.argv[1:])
"""


def _race_at_the_swap(bilan, monkeypatch, tmp_path, *args):
    """Run `bilan ARGS` in another process once the restore has checked everything and is
    about to decide (its staged store ready): returns the process, still running when the
    restore swaps (asserted)."""
    signal = tmp_path / "ecrit"
    started = []
    name = "mark_ready" if hasattr(store_restore, "mark_ready") else "_mark_ready"
    real = getattr(store_restore, name)

    def racing(where):
        process = subprocess.Popen([sys.executable, "-c", WRITER, *map(str, args)],
                                   env=env_for(bilan.home, ECRIT=str(signal)),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        started.append(process)
        for _ in range(400):
            if signal.exists() or process.poll() is not None:
                break
            time.sleep(0.05)
        assert signal.exists() or process.poll() is not None, process.communicate()
        time.sleep(0.5)                      # it would have written by now, were it let
        started.append(process.poll())
        real(where)

    monkeypatch.setattr(store_restore, name, racing)
    return started


def test_an_invoice_issued_during_a_restore_is_written_into_the_restored_store(bilan, cabinet, tmp_path,
                                                                                monkeypatch):
    from paperwork import configure, held

    configure(bilan, extra=f'[sauvegarde]\ndossier = "{cabinet}"\n')
    bid = held(bilan)
    bilan("facture", bid)
    bilan("sauvegarde")
    backup = only_backup(cabinet)
    started = _race_at_the_swap(bilan, monkeypatch, tmp_path, "avoir", "F2026-0001", "--json")
    bilan("restaure", backup, "--yes")
    process, still_running = started
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err.decode()
    told = json.loads(out)["numero"]
    numbers = [r["numero"] for r in bilan.json("factures")]
    assert told in numbers                        # reported done, and kept
    later = bilan.json("facture", held(bilan, nom="Autre"))["numero"]
    numbers = [r["numero"] for r in bilan.json("factures")]
    assert len(numbers) == len(set(numbers)) == 3 and later != told   # never a number twice
    assert still_running is None                  # it waited for the restore's lock


def test_a_bilan_deleted_during_a_restore_does_not_come_back(bilan, cabinet, tmp_path, monkeypatch):
    typo = bilan.new(nom="ZQXERREURXZQ")
    kept = bilan.new(nom="Durand")
    bilan("sauvegarde")
    backup = only_backup(cabinet)
    started = _race_at_the_swap(bilan, monkeypatch, tmp_path, "delete", typo, "--yes")
    bilan("restaure", backup, "--yes")
    process, still_running = started
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err.decode()
    assert bilan("show", typo, code=1).key == "BILAN_INCONNU"
    assert [b["id"] for b in bilan.json("list")] == [kept]
    assert still_running is None                  # it waited for the restore's lock
    bilan("purge", "--yes")
    assert traces(bilan.home, ["ZQXERREURXZQ"]) == {} and traces(cabinet, ["ZQXERREURXZQ"]) == {}


def test_a_writer_that_read_before_a_restore_is_refused_not_lost(bilan, tmp_path):
    """A store replaced under a connection that already read (`Store.write` without
    `reopen`): refused, nothing written into the replaced file."""
    from bilancli.store.db import Store

    bilan.new()
    store = Store(bilan.home, create=False, writable=True)
    try:
        store.conn.execute("SELECT COUNT(*) FROM bilans").fetchone()
        staged = tmp_path / "autre.db"
        shutil.copyfile(bilan.home / "bilans.db", staged)
        os.replace(staged, bilan.home / "bilans.db")
        from bilancli.errors import BilanError

        with pytest.raises(BilanError) as refused:
            with store.write() as conn:
                conn.execute("DELETE FROM bilans")
        assert refused.value.key == "STORE_REMPLACEE"
    finally:
        store.close()
    assert len(bilan.json("list")) == 1


# --- 4. restaure refuses what is not a whole backup ----------------------------------------------

SAUVEGARDE_KILLER = """
import os, sys, shutil, types, sqlite3
from bilancli.store.conservation import backups
step = os.environ["MOURIR"]
if step == "base":
    real = sqlite3.connect
    def connect(path, *a, **k):
        if str(path).endswith("bilans.db") and "sauvegarde-" in str(path):
            os._exit(137)
        return real(path, *a, **k)
    backups.sqlite3 = types.SimpleNamespace(connect=connect, Error=sqlite3.Error)
elif step == "documents":
    backups.shutil = types.SimpleNamespace(copyfileobj=lambda *a, **k: os._exit(137))
from bilancli.cli import main
main(sys.argv[1:])
"""


@pytest.mark.parametrize("step", ["base", "documents"])
def test_a_backup_killed_part_way_is_never_restored_and_the_purge_destroys_it(bilan, cabinet, step):
    bid = running_with_markers(bilan.home, "COUPE")
    bilan("synthese", "render", bid, "--format", "md")
    killed = subprocess.run([sys.executable, "-c", SAUVEGARDE_KILLER, "sauvegarde"],
                            env=env_for(bilan.home, MOURIR=step), capture_output=True,
                            stdin=subprocess.DEVNULL)
    assert killed.returncode == 137, killed.stderr.decode()       # the kill landed
    partial = only_backup(cabinet)
    before = bilan.db_bytes()
    result = bilan("restaure", partial, "--yes", code=1)
    assert result.key == "SAUVEGARDE_INCOMPLETE"
    assert bilan.db_bytes() == before
    result = bilan("purge", "--yes")
    assert partial.name in result.stderr and not partial.exists()   # destroyed, and said


def test_a_backup_killed_part_way_under_o_is_destroyed_by_the_next_one_there(bilan, tmp_path):
    """Out of the purge's reach (`-o` elsewhere than [sauvegarde] dossier), the next
    `sauvegarde` into that folder destroys it, and says so (found by an adversarial probe)."""
    bid = running_with_markers(bilan.home, "HORS")
    bilan("synthese", "render", bid, "--format", "md")
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    killed = subprocess.run([sys.executable, "-c", SAUVEGARDE_KILLER, "sauvegarde", "-o", str(elsewhere)],
                            env=env_for(bilan.home, MOURIR="documents"), capture_output=True,
                            stdin=subprocess.DEVNULL)
    assert killed.returncode == 137, killed.stderr.decode()       # the kill landed
    (partial,) = list(elsewhere.iterdir())
    assert not (partial / store_backups.MARK).exists()
    again = bilan("sauvegarde", "-o", elsewhere)
    assert f"{partial} : une sauvegarde interrompue" in again.stderr   # destroyed, and said
    (whole,) = list(elsewhere.iterdir())   # the new one alone (it may take the same name)
    assert (whole / store_backups.MARK).exists()


def _good_backup(bilan, cabinet, tmp_path, name: str) -> Path:
    if not list(cabinet.iterdir()):
        bilan.new()
        bilan("sauvegarde")
    copy = tmp_path / name
    shutil.copytree(only_backup(cabinet), copy, symlinks=True)
    return copy


def _drop_table(path: Path) -> None:
    conn = sqlite3.connect(path / "bilans.db")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TABLE paiements")
    conn.commit()
    conn.close()


def _drop_column(path: Path) -> None:
    conn = sqlite3.connect(path / "bilans.db")
    conn.execute("ALTER TABLE organismes DROP COLUMN siret")   # found by an adversarial probe
    conn.commit()
    conn.close()


def _documents_file(path: Path) -> None:
    shutil.rmtree(path / "documents")
    (path / "documents").write_text("pas un dossier")


def _empty(path: Path) -> None:
    (path / "bilans.db").write_bytes(b"")


def _unmarked(path: Path) -> None:
    (path / store_backups.MARK).unlink()


@pytest.mark.parametrize("spoil, key", [
    (_empty, "SAUVEGARDE_VIDE"),
    (_drop_table, "SAUVEGARDE_TABLE_MANQUANTE"),
    (_drop_column, "SAUVEGARDE_TABLE_MANQUANTE"),
    (_documents_file, "SAUVEGARDE_DOCUMENTS_PAS_DOSSIER"),
    (_unmarked, "SAUVEGARDE_INCOMPLETE"),
])
def test_what_is_not_a_whole_backup_is_refused_and_the_store_untouched(bilan, cabinet, tmp_path, spoil, key):
    spoiled = _good_backup(bilan, cabinet, tmp_path, "abimee")
    spoil(spoiled)
    before = tree(bilan.home)
    result = bilan("restaure", spoiled, "--yes", code=1)
    assert result.key == key
    assert tree(bilan.home) == before


# --- 5. sauvegarde never writes inside BILAN_HOME ----------------------------------------------


def test_a_backup_is_never_written_inside_the_data_folder(bilan, tmp_path):
    bid = bilan.new()
    (bilan.home / "documents").mkdir(exist_ok=True)
    link = tmp_path / "raccourci"
    link.symlink_to(bilan.home / "documents")
    before = tree(bilan.home)
    for where in (bilan.home, bilan.home / "documents", link, tmp_path / "x" / ".." / "home" / "documents"):
        (tmp_path / "x").mkdir(exist_ok=True)
        result = bilan("sauvegarde", "-o", where, code=1)
        assert result.key == "SAUVEGARDE_DANS_LE_DOSSIER", where
    assert tree(bilan.home) == before


# --- 7. messages stay true ---------------------------------------------------------------------


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EFBIG, errno.EDQUOT])
def test_a_backup_that_fills_its_disk_destroys_what_it_wrote_and_says_so(bilan, cabinet, monkeypatch, code):
    bid = running_with_markers(bilan.home, "PLEIN")
    bilan("synthese", "render", bid, "--format", "md")
    cut = []

    def full(*args, **kwargs):
        cut.append(args)
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store_backups.shutil, "copyfileobj", full)
    result = bilan("sauvegarde", code=1)
    assert cut                                               # the injection landed
    assert result.key == "SAUVEGARDE_DISQUE_PLEIN"
    assert list(cabinet.iterdir()) == []                     # nothing partial left
    assert traces(cabinet, [marker("PLEIN", k) for k in CONTENT_KINDS]) == {}


def test_a_full_backup_disk_during_the_purge_says_the_store_was_purged(bilan, cabinet, monkeypatch):
    from bilancli.store.conservation import purge as store_purge

    running = running_with_markers(bilan.home, "DISQUE")
    bilan("sauvegarde")
    end(bilan.home, running)
    backup = only_backup(cabinet)
    real, cut = store_purge._purge_batch, []

    def full_in_the_backup(store, *args, **kwargs):
        if Path(store.home) == backup:
            cut.append(store.home)
            error = sqlite3.OperationalError("database or disk is full")
            error.sqlite_errorcode = sqlite3.SQLITE_FULL
            raise error
        return real(store, *args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(store_purge, "_purge_batch", full_in_the_backup)
        result = bilan("purge", "--yes", code=1)
    assert cut                                               # the injection landed
    assert result.key == "PURGE_SAUVEGARDE_DISQUE_PLEIN" and backup.name in result.stderr
    assert "Erreur inattendue" not in result.stderr
    assert bilan.json("show", running)["purge"]["contenu_detruit_le"] == "2026-03-02"
    bilan("purge", "--yes")                                  # room again: the backup goes too
    assert traces(cabinet, [marker("DISQUE", k) for k in CONTENT_KINDS]) == {}


# --- 2. inside a backup folder, never follow a link --------------------------------------------


def _outside(tmp_path, name: str, bid: str) -> Path:
    """A folder outside every backup, shaped like documents/ (a bilan's folder, a file), and
    like brouillons/ (a draft's folder without its lock)."""
    target = tmp_path / name
    (target / bid).mkdir(parents=True)
    (target / bid / "a-garder.txt").write_text("à garder")
    return target


@pytest.mark.parametrize("where", ["documents", "documents/ID", "brouillons"])
def test_a_link_inside_a_backup_is_never_followed(bilan, cabinet, tmp_path, where):
    typo = bilan.new(nom="ZQXSUPPRIMEXZQ")
    bilan("set", typo, "demande", "ZQXDEMANDEXZQ")
    bilan.new(nom="Durand")
    bilan("sauvegarde")
    backup = only_backup(cabinet)
    bilan("delete", typo, "--yes")                     # the purge erases it from the backup
    target = _outside(tmp_path, "ailleurs", typo)
    if where == "documents":
        shutil.rmtree(backup / "documents", ignore_errors=True)
        (backup / "documents").symlink_to(target)
    elif where == "documents/ID":
        (backup / "documents").mkdir(exist_ok=True)
        (backup / "documents" / typo).symlink_to(target / typo)
    else:
        (backup / "brouillons").symlink_to(target)
    kept = tree(target)
    bilan("purge", "--dry-run", code=None)
    assert tree(target) == kept
    assert bilan("restaure", backup, code=None).exit_code == 1       # no terminal: refused
    assert tree(target) == kept
    restored = bilan("restaure", backup, "--yes", code=None)
    assert tree(target) == kept
    if where == "documents":
        assert restored.key == "SAUVEGARDE_DOCUMENTS_PAS_DOSSIER"
    bilan("purge", "--yes", code=None)
    assert tree(target) == kept
    if where == "documents/ID":
        assert not os.path.lexists(backup / "documents" / typo)   # removed, as a link


def test_a_file_size_limit_while_the_store_is_copied_is_said_like_a_full_disk(bilan, cabinet, tmp_path):
    """`ulimit -f`: SQLite reports a plain write error (EFBIG is not kept); still a full disk."""
    import resource

    bid = bilan.new()
    big = tmp_path / "gros.txt"
    big.write_bytes(b"ZQXGROSXZQ" + os.urandom(600_000))
    bilan("doc", "add", bid, big)
    limit = 300 * 1024

    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    run = subprocess.run([sys.executable, "-m", "bilancli", "sauvegarde"], env=env_for(bilan.home),
                         capture_output=True, stdin=subprocess.DEVNULL, preexec_fn=limited)
    err = run.stderr.decode()
    assert run.returncode == 1 and "est plein" in err and "Erreur inattendue" not in err, err
    assert list(cabinet.iterdir()) == []


def test_a_restore_that_fills_the_disk_is_refused_and_changes_nothing(bilan, cabinet, monkeypatch):
    running_with_markers(bilan.home, "RPLEIN")
    bilan("sauvegarde")
    backup = only_backup(cabinet)
    before = tree(bilan.home)
    cut = []

    def full(*args, **kwargs):
        cut.append(args)
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(store_backups, "_copy_tree", full)
        result = bilan("restaure", backup, "--yes", code=1)
    assert cut and result.key == "RESTAURE_DISQUE_PLEIN"
    assert tree(bilan.home) == before


def test_a_backup_taken_during_a_restore_waits_and_is_of_one_store(bilan, cabinet, tmp_path, monkeypatch):
    """Never the replaced store's bilans.db beside the restored store's documents/: the
    backup waits for the restore's lock, then is refused (its store was replaced under it)
    or copies the restored store whole."""
    kept = running_with_markers(bilan.home, "AVANT")
    bilan("synthese", "render", kept, "--format", "md")
    bilan("sauvegarde")
    backup = only_backup(cabinet)
    later = running_with_markers(bilan.home, "APRES")          # not in the backup
    bilan("synthese", "render", later, "--format", "md")
    elsewhere = tmp_path / "autre"
    elsewhere.mkdir()
    started = _race_at_the_swap(bilan, monkeypatch, tmp_path, "sauvegarde", "-o", elsewhere)
    bilan("restaure", backup, "--yes")
    process, still_running = started
    _, err = process.communicate(timeout=60)
    assert still_running is None                                # it waited for the restore's lock
    taken = list(elsewhere.iterdir())
    if process.returncode == 1:
        assert "remplacée" in err.decode() and taken == []
    else:
        assert process.returncode == 0, err.decode()
        (copy,) = taken
        conn = sqlite3.connect(copy / "bilans.db")
        assert [r[0] for r in conn.execute("SELECT id FROM bilans")] == [kept]
        conn.close()
        assert sorted(p.name for p in (copy / "documents").iterdir()) == [kept]
    assert traces(elsewhere, [marker("APRES", k) for k in CONTENT_KINDS]) == {}
