"""Backups that respect the purge (SPEC §5, §12): what the store destroyed, what a backup's
own facts make due and the bilans the store deleted go from every backup too — even a
backup taken before the bilan ended — and a restore never brings back what the law wanted
gone."""

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import storeio
from docstore import writing
from purge_helpers import CONTENT_KINDS, make_ended_bilan, marker
from test_purge_traces import traces

import bilancli
from bilancli.core.conservation.backups import folder_name
from bilancli.store.conservation.backups import MARK


@pytest.fixture
def cabinet(bilan, tmp_path):
    """A store whose config.toml names a backup folder (an external disk)."""
    disk = tmp_path / "cle"
    disk.mkdir()
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(f'[sauvegarde]\ndossier = "{disk}"\n', encoding="utf-8")
    return disk


def running_with_markers(home, tag: str) -> str:
    """An open bilan in conclusion whose content holds a marker of each kind it can have."""
    with writing(home) as conn:
        bid = storeio.create(conn, opened_on=date(2026, 2, 2), admin={"nom": f"Nom{tag}", "prenom": "Claire"})
        storeio.set_content(conn, bid, "demande", marker(tag, "CHAMP"), date(2026, 2, 2))
        storeio.add_entretien(conn, bid, on=date(2026, 2, 3), minutes=60, modalite="visio",
                              phase="preliminaire", notes=marker(tag, "ENTRETIEN"))
        storeio.add_document(conn, bid, type_="test", titre=marker(tag, "TITRE"),
                             content=marker(tag, "DOC").encode(), filename="t.txt",
                             phase="preliminaire", on=date(2026, 2, 3))
        storeio.enter_phase(conn, bid, "conclusion", date(2026, 2, 10))
    return bid


def end(home, bid: str, on=date(2026, 3, 1)) -> None:
    with writing(home) as conn:
        storeio.enter_phase(conn, bid, "termine", on, date_fin=on)


def test_a_backup_is_a_private_copy_of_the_store_and_its_documents(bilan, cabinet):
    bid = running_with_markers(bilan.home, "COPY")
    bilan("synthese", "render", bid, "--format", "md")
    out = bilan("sauvegarde").stdout
    (backup,) = list(cabinet.iterdir())
    assert backup.name.startswith("sauvegarde-") and str(backup) in out
    assert stat.S_IMODE(backup.stat().st_mode) == 0o700
    assert stat.S_IMODE((backup / "bilans.db").stat().st_mode) == 0o600
    copied = backup / "documents" / bid / f"synthese-{bid}.md"
    assert copied.read_bytes() == (bilan.home / "documents" / bid / f"synthese-{bid}.md").read_bytes()
    assert stat.S_IMODE(copied.stat().st_mode) == 0o600
    conn = sqlite3.connect(backup / "bilans.db")
    assert conn.execute("SELECT COUNT(*) FROM bilans").fetchone()[0] == 1


def test_two_backups_in_the_same_second_get_their_own_folders():
    now = datetime(2026, 12, 1, 14, 30, 5)
    first = folder_name(now, set())
    assert first == "sauvegarde-2026-12-01T143005"
    assert folder_name(now, {first}) == f"{first}-2"
    assert folder_name(now, {first, f"{first}-2"}) == f"{first}-3"


def test_where_a_backup_goes_must_be_given_and_exist(bilan, tmp_path):
    bilan.new()
    assert bilan("sauvegarde", code=1).key == "SAUVEGARDE_SANS_DOSSIER"
    assert bilan("sauvegarde", "-o", tmp_path / "absent", code=1).key == "SAUVEGARDE_DOSSIER_ABSENT"
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    result = bilan("sauvegarde", "-o", elsewhere)
    assert "hors de [sauvegarde] dossier" in result.stderr and len(list(elsewhere.iterdir())) == 1


def test_every_purge_purges_the_backups_even_one_taken_before_the_end(bilan, cabinet):
    running = running_with_markers(bilan.home, "AVANT")
    ended = make_ended_bilan(bilan.home, "FINI", end=date(2026, 2, 1))
    bilan("sauvegarde")                              # taken while `running` was open
    end(bilan.home, running)
    destroyed = [marker(tag, kind) for tag in ("AVANT", "FINI") for kind in CONTENT_KINDS]
    present = set(traces(cabinet, destroyed))
    assert {marker("AVANT", "CHAMP"), marker("FINI", "CHAMP")} <= present   # the scan can fail
    report = bilan.json("purge", "--yes")
    (saved,) = report["sauvegardes"]
    assert sorted(saved["bilans"]) == sorted([running, ended]) and saved["supprimes"] == []
    assert traces(bilan.home, destroyed) == {} and traces(cabinet, destroyed) == {}
    (backup,) = list(cabinet.iterdir())
    conn = sqlite3.connect(backup / "bilans.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    dates = dict(conn.execute("SELECT id, contenu_detruit_le FROM bilans"))
    assert dates == {running: "2026-03-02", ended: "2026-03-02"}   # as the store records it
    assert bilan.json("purge", "--yes")["sauvegardes"][0]["bilans"] == []   # idempotent


def test_a_bilan_deleted_from_the_store_goes_from_every_backup(bilan, cabinet):
    kept = bilan.new(nom="Durand")
    typo = bilan.new(nom="ZQXSUPPRIMEXZQ")
    bilan("set", typo, "demande", "ZQXDEMANDEXZQ")
    bilan("sauvegarde")
    bilan("delete", typo, "--yes")
    (saved,) = bilan.json("purge", "--yes")["sauvegardes"]
    assert saved["supprimes"] == [typo]
    assert traces(cabinet, ["ZQXSUPPRIMEXZQ", "ZQXDEMANDEXZQ"]) == {}
    (backup,) = list(cabinet.iterdir())
    conn = sqlite3.connect(backup / "bilans.db")
    assert [r[0] for r in conn.execute("SELECT id FROM bilans")] == [kept]
    assert [r[0] for r in conn.execute("SELECT id FROM bilans_supprimes")] == [typo]


def test_an_unreachable_backup_folder_is_said_and_the_store_purged_all_the_same(bilan, tmp_path):
    gone = make_ended_bilan(bilan.home, "DEBRANCHE", end=date(2026, 2, 1))
    (bilan.home / "config.toml").write_text(f'[sauvegarde]\ndossier = "{tmp_path / "cle"}"\n',
                                            encoding="utf-8")
    result = bilan("purge", "--yes", code=1)
    assert result.key == "PURGE_SAUVEGARDE_INJOIGNABLE" and "cle" in result.stderr
    assert bilan.json("show", gone)["purge"]["contenu_detruit_le"] == "2026-03-02"
    assert bilan("purge", "--dry-run", code=1).key == "PURGE_SAUVEGARDE_INJOIGNABLE"


BACKUP_PURGE_KILLER = """
import os, sys
from bilancli.store import shred
from bilancli.store.conservation import backups
from bilancli.store.conservation import purge
from bilancli.store.conservation import purge_files
name, _, nth = os.environ["MOURIR"].partition(":")
modules = {"_purge_batch": [purge], "finish": [purge], "copy_dates": [backups],
           "zero_fill": [shred, purge_files]}[name]
real, calls = getattr(modules[0], name), []
def dying(*args, **kwargs):
    # zero_fill: every file overwritten; the others: only in a backup (the store owes nothing)
    if name == "zero_fill" or "sauvegarde-" in str(args[0].home):
        calls.append(1)
        if len(calls) == int(nth):
            os._exit(137)
    return real(*args, **kwargs)
for module in modules:
    setattr(module, name, dying)
from bilancli.cli import main
main(sys.argv[1:])
"""


def _purge(home: Path, step: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, BILAN_HOME=str(home), BILAN_TODAY="2026-03-02",
               PYTHONPATH=str(Path(bilancli.__file__).parents[1]))
    if step is None:
        return subprocess.run([sys.executable, "-m", "bilancli", "purge", "--yes"], env=env,
                              capture_output=True, stdin=subprocess.DEVNULL, timeout=120)
    env["MOURIR"] = step
    return subprocess.run([sys.executable, "-c", BACKUP_PURGE_KILLER, "purge", "--yes"], env=env,
                          capture_output=True, stdin=subprocess.DEVNULL, timeout=120)


# Each step of a backup's purge, in its order: a batch of R6313-7 (3 of 10 bilans), a file
# overwritten, the destruction dates copied, the rebuild (VACUUM).
KILL_STEPS = ["_purge_batch:1", "_purge_batch:2", "_purge_batch:3", "zero_fill:1", "zero_fill:5",
              "copy_dates:1", "finish:1"]


@pytest.mark.parametrize("step", KILL_STEPS)
def test_a_purge_of_a_backup_killed_part_way_is_finished_by_the_next(bilan, cabinet, tmp_path, step):
    import shutil

    bilan.new()   # the store itself owes nothing: the kills land in the backup's purge
    pristine = tmp_path / "pristine"
    for n in range(30):
        make_ended_bilan(pristine, f"B{n:02d}", end=date(2026, 2, 1))
    backup = cabinet / "sauvegarde-2026-02-15T100000"
    shutil.copytree(pristine, backup)
    left = [marker(f"B{n:02d}", kind) for n in range(30) for kind in CONTENT_KINDS]
    killed = _purge(bilan.home, step)
    assert killed.returncode == 137, killed.stderr.decode()     # the kill landed at that step
    if step.startswith("_purge_batch"):
        assert traces(backup, left) != {}                        # cut before the end
    conn = sqlite3.connect(backup / "bilans.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"   # a valid store
    conn.close()
    finished = _purge(bilan.home)
    assert finished.returncode == 0, finished.stderr.decode()
    assert traces(backup, left) == {}, step


def test_a_restore_never_brings_back_what_the_law_wanted_gone(bilan, cabinet):
    running = running_with_markers(bilan.home, "RESTO")
    typo = bilan.new(nom="ZQXERREURXZQ")
    bilan("sauvegarde")
    (backup,) = list(cabinet.iterdir())
    end(bilan.home, running)
    bilan("delete", typo, "--yes")
    (bilan.home / "config.toml").write_text("", encoding="utf-8")   # the disk unplugged, say
    bilan("purge", "--yes")
    before = bilan.db_bytes()
    assert bilan("restaure", backup, code=1).key == "RESTAURE_SANS_TERMINAL"
    assert bilan.db_bytes() == before
    out = bilan("restaure", backup, "--yes").stdout
    assert "restaurée" in out
    # The backup's copy was purged of both (the ended bilan, the one deleted) before the
    # swap: said as such, before the purge of the restored store finds nothing left.
    assert "purgée de 2 bilan(s)" in out
    view = bilan.json("show", running)
    assert view["champs"]["demande"] is None and view["purge"]["contenu_detruit_le"] == "2026-03-02"
    assert bilan("show", typo, code=1).key == "BILAN_INCONNU"
    assert traces(bilan.home, [marker("RESTO", k) for k in ("CHAMP", "ENTRETIEN", "DOC", "TITRE")]
                  + ["ZQXERREURXZQ"]) == {}
    assert bilan.new(nom="Nouveau") != typo                 # its id still never comes back
    assert not (bilan.home / "brouillons").exists()


def test_what_is_not_a_backup_is_refused(bilan, tmp_path):
    bilan.new()
    before = bilan.db_bytes()
    empty = tmp_path / "vide"
    empty.mkdir()
    assert bilan("restaure", empty, "--yes", code=1).key == "SAUVEGARDE_PAS_UNE"
    damaged = tmp_path / "abimee"
    damaged.mkdir()
    (damaged / "bilans.db").write_bytes(b"pas une base" * 100)
    assert bilan("restaure", damaged, "--yes", code=1).key == "SAUVEGARDE_INCOMPLETE"
    (damaged / MARK).write_bytes(b"bilancli\n")     # even marked complete
    assert bilan("restaure", damaged, "--yes", code=1).key == "STORE_ILLISIBLE"
    foreign = tmp_path / "etrangere"
    foreign.mkdir()
    (foreign / MARK).write_bytes(b"bilancli\n")
    sqlite3.connect(foreign / "bilans.db").execute("CREATE TABLE t (x)")
    assert bilan("restaure", foreign, "--yes", code=1).key == "STORE_ETRANGER"
    assert bilan.db_bytes() == before


RESTORE_KILLER = """
import os, sys
from bilancli.store.conservation import restore
step = os.environ["MOURIR"]
if step == "avant_pret":
    restore.mark_ready = lambda where: os._exit(137)
else:
    whole = restore.finish
    def finish(home, where):
        name, _, nth = step.partition(":")
        if name == "fin":
            whole(home, where)
            os._exit(137)
        real, calls = getattr(os, name), []
        def dying(*args, **kwargs):
            calls.append(args)
            if len(calls) == int(nth):
                os._exit(137)
            return real(*args, **kwargs)
        setattr(os, name, dying)
        whole(home, where)
    restore.finish = finish
from bilancli.cli import main
main(sys.argv[1:])
"""


@pytest.mark.parametrize("step", ["avant_pret", "rename:1", "rename:2", "link:1", "replace:1", "fin"])
def test_a_restore_killed_at_any_step_loses_no_store_and_leaves_no_trace(bilan, cabinet, tmp_path, step):
    kept = bilan.new(nom="Gardé")
    bilan("sauvegarde")
    (backup,) = list(cabinet.iterdir())
    later = make_ended_bilan(bilan.home, "APRES", end=date(2026, 3, 1))   # not in the backup
    since = running_with_markers(bilan.home, "HORS")                      # nor this one
    outside = tmp_path / "bureau"
    outside.mkdir()
    bilan("synthese", "render", since, "--format", "md", "-o", outside / "hors.md")
    env = dict(os.environ, BILAN_HOME=str(bilan.home), BILAN_TODAY="2026-03-02", MOURIR=step,
               PYTHONPATH=str(Path(bilancli.__file__).parents[1]))
    killed = subprocess.run([sys.executable, "-c", RESTORE_KILLER, "restaure", str(backup), "--yes"],
                            env=env, capture_output=True, stdin=subprocess.DEVNULL)
    assert killed.returncode == 137, killed.stderr.decode()
    before = sorted((p.relative_to(bilan.home), p.read_bytes()) for p in bilan.home.rglob("*") if p.is_file())
    ids = {b["id"] for b in bilan.json("list")}        # a command that reads: the decided store
    after = sorted((p.relative_to(bilan.home), p.read_bytes()) for p in bilan.home.rglob("*") if p.is_file())
    assert after == before                              # read, and nothing written
    bilan("set", kept, "demande", "relu")               # the next command that writes finishes it
    if step == "avant_pret":                            # not yet decided: the store as it was
        assert ids == {kept, later, since}
        assert (outside / "hors.md").exists()
    else:                                               # decided: carried through
        assert ids == {kept}
        assert traces(bilan.home, [marker("APRES", k) for k in CONTENT_KINDS]) == {}
        assert list(outside.iterdir()) == []            # its bilan is not in the backup
    assert {b["id"] for b in bilan.json("list")} == ids
    conn = sqlite3.connect(bilan.home / "bilans.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert not (bilan.home / "brouillons").exists()


def test_a_restore_keeps_the_files_written_outside_since_known_to_the_purge(bilan, cabinet, tmp_path):
    kept = running_with_markers(bilan.home, "GARDE")
    bilan("sauvegarde")
    (backup,) = list(cabinet.iterdir())
    since = running_with_markers(bilan.home, "DEPUIS")   # opened after the backup
    outside = tmp_path / "bureau"
    outside.mkdir()
    bilan("synthese", "render", kept, "--format", "md", "-o", outside / "garde.md")
    bilan("synthese", "render", since, "--format", "md", "-o", outside / "depuis.md")
    out = bilan("restaure", backup, "--yes").stdout
    assert "1 fichier(s) écrit(s) hors du dossier de données depuis la sauvegarde" in out
    assert "1 fichier(s) écrit(s) hors du dossier de données pour des bilans absents" in out
    assert sorted(p.name for p in outside.iterdir()) == ["garde.md"]
    assert traces(tmp_path, [marker("DEPUIS", k) for k in CONTENT_KINDS]) == {}
    end(bilan.home, kept, on=date(2026, 3, 2))
    bilan("purge", "--yes")
    assert list(outside.iterdir()) == []                  # the purge still knew it


def test_a_restore_that_would_lose_an_invoice_is_refused(bilan, cabinet):
    from paperwork import configure, held

    configure(bilan, extra=f'[sauvegarde]\ndossier = "{cabinet}"\n')
    bid = held(bilan)
    bilan("facture", bid)
    bilan("sauvegarde")
    (backup,) = list(cabinet.iterdir())
    bilan("avoir", "F2026-0001")
    before = bilan.db_bytes()
    result = bilan("restaure", backup, "--yes", code=1)
    assert result.key == "RESTAURE_FACTURES_PERDUES" and "F2026-0002" in result.stderr
    assert "242 nonies A" in result.stderr
    assert bilan.db_bytes() == before
    assert not (bilan.home / "brouillons").exists()


def test_an_unreadable_store_is_replaced_by_its_backup(bilan, cabinet):
    bid = bilan.new()
    bilan("sauvegarde")
    (backup,) = list(cabinet.iterdir())
    (bilan.home / "bilans.db").write_bytes(os.urandom(8192))
    assert bilan("list", code=1).key == "STORE_ILLISIBLE"
    result = bilan("restaure", backup, "--yes")
    assert "illisible" in result.stderr
    assert [b["id"] for b in bilan.json("list")] == [bid]


def test_the_restored_store_is_private_whatever_the_umask(bilan, cabinet):
    bilan.new()
    bilan("sauvegarde")
    (backup,) = list(cabinet.iterdir())
    previous = os.umask(0o022)
    try:
        bilan("restaure", backup, "--yes")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((bilan.home / "bilans.db").stat().st_mode) == 0o600


def test_a_damaged_backup_never_keeps_the_others_from_their_purge(bilan, cabinet):
    running = running_with_markers(bilan.home, "DEUX")
    bilan("sauvegarde")
    first = cabinet / "sauvegarde-2026-02-01T090000"
    (next(cabinet.iterdir())).rename(first)
    bilan("sauvegarde")
    (first / "bilans.db").write_bytes((first / "bilans.db").read_bytes()[:4096])   # truncated
    end(bilan.home, running)
    result = bilan("purge", "--yes", code=1)
    assert result.key == "PURGE_SAUVEGARDE_ECHEC" and first.name in result.stderr
    assert "purgée elle aussi" in result.stdout                 # the other one was
    others = [p for p in cabinet.iterdir() if p != first]
    assert traces(others[0], [marker("DEUX", k) for k in ("CHAMP", "ENTRETIEN", "DOC", "TITRE")]) == {}
    assert bilan.json("show", running)["purge"]["contenu_detruit_le"] == "2026-03-02"


def test_a_restore_says_the_last_day_the_backup_recorded_anything(bilan, cabinet):
    """Not only openings, entretiens and phases: a consent given later is in the backup too."""
    bid = bilan.new("--date", "2026-02-02")
    bilan.today("2026-02-20")
    bilan("consent", bid, "bilan", "--date", "2026-02-20")
    bilan("sauvegarde")
    (backup,) = list(cabinet.iterdir())
    done = bilan("restaure", backup, "--yes")
    assert "s'arrête au 20/02/2026" in done.stdout, done.stdout


def test_the_purge_leaves_the_backups_of_another_data_folder_sharing_the_disk(bilan, cabinet, tmp_path,
                                                                               monkeypatch):
    """Two data folders (two cabinets, or a test folder beside the real one) naming the same
    backup disk: bilan numbers are alike in both, but one's purge never reads the other's
    facts into its backups — an open bilan there would lose its content."""
    other = tmp_path / "autre"
    other.mkdir()
    (other / "config.toml").write_text(f'[sauvegarde]\ndossier = "{cabinet}"\n', encoding="utf-8")
    mine = bilan.new(nom="Alpha")
    bilan.new(nom="Alpha", prenom="Deux")
    bilan("set", mine, "demande", "QZXAUTREDOSSIERXZQ")
    bilan("sauvegarde")
    (ours,) = list(cabinet.iterdir())
    before = {p: p.read_bytes() for p in ours.rglob("*") if p.is_file()}
    monkeypatch.setenv("BILAN_HOME", str(other))
    theirs = bilan.new(nom="Beta")
    bilan.new(nom="Beta", prenom="Deux")
    bilan("set", theirs, "demande", "texte")
    bilan("delete", "2026-002", "--yes")
    bilan("abandon", theirs)
    result = bilan("purge", "--yes")
    assert str(ours) in result.stderr and "autre dossier" in result.stderr
    assert {p: p.read_bytes() for p in ours.rglob("*") if p.is_file()} == before
    monkeypatch.setenv("BILAN_HOME", str(bilan.home))
    assert bilan.json("show", mine)["champs"]["demande"] == "QZXAUTREDOSSIERXZQ"


def test_a_backup_is_named_after_today_as_the_commands_see_it(bilan, cabinet):
    bilan.new()
    bilan("sauvegarde")
    (backup,) = list(cabinet.iterdir())
    assert backup.name.startswith("sauvegarde-2026-03-02T")   # BILAN_TODAY, never the clock's day
