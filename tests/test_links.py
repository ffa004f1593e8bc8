"""Issue 20, points 2, 3 and 9 (SPEC §8): links inside BILAN_HOME are never followed, `-o`
writes only regular files, and no fault of the machine is « Erreur inattendue ».

Only scratch folders, FIFOs and sockets made here are used: never the machine's devices.
"""

from __future__ import annotations

import errno
import os
import socket
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import storeio
from docstore import writing
from test_faults import MARK, SRC, in_conclusion

from bilancli import messages as msg
from bilancli.store import files

PRECIOUS = "à garder tel quel"


def outside_folder(tmp_path: Path) -> Path:
    """A folder of the consultant's, outside BILAN_HOME, with files and a sub-folder."""
    folder = tmp_path / "dossier"
    (folder / "sous").mkdir(parents=True)
    (folder / "a.txt").write_text(PRECIOUS)
    (folder / "sous" / "b.txt").write_text(PRECIOUS)
    (folder / "calendrier.ics").write_text(PRECIOUS)
    folder.chmod(0o755)
    return folder


def unchanged(folder: Path) -> bool:
    return (sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
            == ["a.txt", "calendrier.ics", "sous", "sous/b.txt"]
            and all(p.read_text() == PRECIOUS for p in folder.rglob("*.*"))
            and stat.S_IMODE(folder.stat().st_mode) == 0o755)


# --- 2. links inside BILAN_HOME ----------------------------------------------------------------

def test_a_drafts_link_is_removed_as_a_link_and_its_target_kept(bilan, tmp_path):
    bilan.new()
    outside = outside_folder(tmp_path)
    (bilan.home / "brouillons").symlink_to(outside)
    bilan("list")   # a command that only reads writes nothing and follows no link
    assert unchanged(outside)
    bilan.new(nom="Durand", prenom="Luc")   # the next one that writes sweeps the drafts
    assert unchanged(outside)
    assert not os.path.lexists(bilan.home / "brouillons")


def test_a_link_inside_drafts_is_removed_as_a_link(bilan, tmp_path):
    bilan.new()
    outside = outside_folder(tmp_path)
    (bilan.home / "brouillons").mkdir(mode=0o700)
    (bilan.home / "brouillons" / "0123456789ab").symlink_to(outside)
    (bilan.home / "brouillons" / "fichier").symlink_to(outside / "a.txt")
    bilan("list")   # a command that only reads writes nothing and follows no link
    assert unchanged(outside)
    bilan.new(nom="Durand", prenom="Luc")   # the next one that writes sweeps the drafts
    assert unchanged(outside)
    assert not (bilan.home / "brouillons").exists()


def test_drafts_swapped_for_a_link_during_the_sweep_lead_nowhere(bilan, tmp_path, monkeypatch):
    """Once `brouillons/` is open, the sweep works through its descriptor: the name swapped
    for a link to the consultant's folder right then changes nothing outside."""
    from bilancli.store.dossier import drafts

    bilan.new()
    outside = outside_folder(tmp_path)
    left = bilan.home / "brouillons" / "0123456789ab"
    left.mkdir(parents=True)
    (left / "demande.md").write_text("brouillon")
    real = drafts.open_folder

    def then_swapped(home, *names, **kwargs):
        fd = real(home, *names, **kwargs)
        if names == (drafts.FOLDER,) and fd is not None and not (bilan.home / "ailleurs").exists():
            (bilan.home / "brouillons").rename(bilan.home / "ailleurs")
            (bilan.home / "brouillons").symlink_to(outside)
        return fd

    monkeypatch.setattr(drafts, "open_folder", then_swapped)
    bilan.new(nom="Durand", prenom="Luc")   # the next one that writes sweeps the drafts
    assert unchanged(outside)
    assert not list((bilan.home / "ailleurs").iterdir())   # the real folder was swept


def test_a_hard_link_left_in_a_draft_folder_loses_its_name_never_its_bytes(bilan, tmp_path):
    bilan.new()
    outside = outside_folder(tmp_path)
    left = bilan.home / "brouillons" / "0123456789ab"
    left.mkdir(parents=True)
    os.link(outside / "a.txt", left / "demande.md")
    bilan("list")   # a command that only reads writes nothing and follows no link
    assert unchanged(outside)
    bilan.new(nom="Durand", prenom="Luc")   # the next one that writes sweeps the drafts
    assert unchanged(outside) and not left.exists()


EDITOR_LINKING = """import os, sys
os.link(sys.argv[1], os.environ["LINK_TO"])
with open(sys.argv[1], "a") as draft:
    draft.write("texte de la demande")
"""


def test_a_draft_given_another_name_by_its_editor_is_never_zeroed_under_it(bilan, tmp_path, monkeypatch):
    """An editor (or a backup tool) that gives the draft another hard link: the draft's name
    goes, the other name's bytes are never written into."""
    bid = bilan.new()
    script = tmp_path / "editeur.py"
    script.write_text(EDITOR_LINKING)
    kept = tmp_path / "copie.md"
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setenv("LINK_TO", str(kept))
    bilan("set", bid, "demande", terminal=True)
    assert kept.read_text().endswith("texte de la demande")
    assert not (bilan.home / "brouillons").exists()


def test_an_editor_draft_under_a_drafts_link_is_made_in_a_real_folder(bilan, tmp_path, monkeypatch):
    bid = bilan.new()
    outside = outside_folder(tmp_path)
    (bilan.home / "brouillons").symlink_to(outside)
    script = tmp_path / "editeur.py"
    script.write_text("import sys\nopen(sys.argv[1], 'a').write('texte')\n"
                      "open(sys.argv[0] + '.where', 'w').write(sys.argv[1])\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    from bilancli.store.dossier import drafts

    real = drafts.destroy_left_over
    monkeypatch.setattr(drafts, "destroy_left_over", lambda home, finish=None: None)   # the link stays until the draft
    try:
        bilan("set", bid, "demande", terminal=True)
    finally:
        monkeypatch.setattr(drafts, "destroy_left_over", real)
    where = Path((tmp_path / "editeur.py.where").read_text())
    assert where.is_relative_to(bilan.home / "brouillons")
    assert unchanged(outside)
    assert bilan.json("show", bid)["champs"]["demande"] == "texte"


def test_a_cache_link_never_lets_calendrier_touch_its_target(bilan, tmp_path):
    bilan.new()
    outside = outside_folder(tmp_path)
    (bilan.home / "cache").symlink_to(outside)
    bilan("calendrier")
    assert unchanged(outside)
    assert not (bilan.home / "cache").is_symlink()
    assert (bilan.home / "cache" / "calendrier.ics").is_file()


def test_a_link_at_the_kept_calendar_is_neither_read_nor_written_through(bilan, tmp_path):
    bid = bilan.new()
    outside = outside_folder(tmp_path)
    bilan("calendrier")
    kept = bilan.home / "cache" / "calendrier.ics"
    kept.unlink()
    kept.symlink_to(outside / "calendrier.ics")
    out = bilan("calendrier").stdout
    assert PRECIOUS not in out and "BEGIN:VCALENDAR" in out
    bilan("delete", bid, "--yes")   # the kept calendar forgotten
    assert unchanged(outside)


def test_a_cache_link_is_removed_when_a_bilan_is_deleted(bilan, tmp_path):
    bid = bilan.new()
    outside = outside_folder(tmp_path)
    (bilan.home / "cache").symlink_to(outside)
    bilan("delete", bid, "--yes")
    assert unchanged(outside)


def test_a_documents_link_is_refused_for_a_rendering(bilan, tmp_path):
    bid = in_conclusion(bilan.home)
    outside = outside_folder(tmp_path)
    (bilan.home / "documents").symlink_to(outside)
    before = bilan.db_bytes()
    for args in (["synthese", "render", bid, "--format", "md"],
                 ["synthese", "render", bid, "--format", "md", "-o",
                  bilan.home / "documents" / "synthese.md"],
                 ["synthese", "render", bid, "--format", "md", "-o",
                  bilan.home / "documents" / ".." / "documents" / "synthese.md"],
                 ["export", bid]):
        assert bilan(*args, code=1).key == "CHEMIN_LIEN", args
    assert unchanged(outside) and bilan.db_bytes() == before


def test_a_bilan_folder_link_named_by_o_is_refused(bilan, tmp_path):
    bid = in_conclusion(bilan.home)
    outside = outside_folder(tmp_path)
    (bilan.home / "documents").mkdir()
    (bilan.home / "documents" / bid).symlink_to(outside)
    result = bilan("synthese", "render", bid, "--format", "md", "-o",
                   bilan.home / "documents" / bid / "s.md", code=1)
    assert result.key == "CHEMIN_LIEN"
    assert unchanged(outside)


def test_the_purge_never_follows_a_documents_link_made_after_a_rendering(bilan, tmp_path):
    """The rendered file is moved out and a link left in its folder's place: the purge
    reports it and destroys nothing through the link (not even our own bytes)."""
    bid = in_conclusion(bilan.home)
    bilan("synthese", "render", bid, "--format", "md")
    moved = tmp_path / "deplace"
    (bilan.home / "documents").rename(moved)
    (bilan.home / "documents").symlink_to(moved)
    rendered = moved / bid / f"synthese-{bid}.md"
    held = rendered.read_bytes()
    assert MARK.encode() in held
    with writing(bilan.home) as conn:
        storeio.enter_phase(conn, bid, "termine", date(2026, 3, 2), date_fin=date(2026, 3, 2))
    plan = bilan("purge", "--dry-run")
    assert msg.PURGE_RAISON_LIEN.format(chemin=bilan.home / "documents") in plan.stderr
    assert bilan("purge", "--yes", code=None).exit_code in (0, 1)
    assert rendered.read_bytes() == held and (moved / bid).is_dir()
    assert (bilan.home / "documents").is_symlink()


# --- 3. -o writes only regular files -----------------------------------------------------------

def _unix_socket(path: Path) -> socket.socket:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    return server


def _outputs(bid: str, target) -> list[list]:
    return [["synthese", "render", bid, "--format", "md", "-o", target],
            ["calendrier", "-o", target],
            ["doc", "get", bid, "1", "-o", target],
            ["export", bid, "-o", target]]


@pytest.mark.parametrize("kind", ["fifo", "socket", "folder", "link-to-fifo", "link-to-proc-stdout",
                                  "link-to-link-to-proc-stdout",
                                  "link-to-socket", "proc-mem"])
def test_o_refuses_what_is_not_a_regular_file_and_leaves_it(bilan, tmp_path, kind):
    bid = in_conclusion(bilan.home)
    source = tmp_path / "cv.txt"
    source.write_text("cv")
    bilan("doc", "add", bid, source, "--type", "cv")
    scratch = tmp_path / "sorties"
    scratch.mkdir()
    target = scratch / "sortie"
    server = None
    if kind in ("fifo", "link-to-fifo"):
        os.mkfifo(scratch / "tube")
    if kind in ("socket", "link-to-socket"):
        server = _unix_socket(scratch / "prise")
    if kind == "fifo":
        target = scratch / "tube"
    elif kind == "socket":
        target = scratch / "prise"
    elif kind == "folder":
        target.mkdir()
    elif kind == "link-to-fifo":
        target.symlink_to(scratch / "tube")
    elif kind == "link-to-socket":
        target.symlink_to(scratch / "prise")
    elif kind == "link-to-proc-stdout":
        target.symlink_to("/proc/self/fd/1")
    elif kind == "link-to-link-to-proc-stdout":   # two hops: the last one resolves elsewhere
        (scratch / "relais").symlink_to("/proc/self/fd/1")
        target.symlink_to(scratch / "relais")
    elif kind == "proc-mem":
        target = Path("/proc/self/mem")
    before = {p.name: (os.lstat(p).st_mode, os.lstat(p).st_ino) for p in scratch.iterdir()}
    db = bilan.db_bytes()
    try:
        for args in _outputs(bid, target):
            result = bilan(*args, code=1)
            assert result.key in ("SORTIE_PAS_UN_FICHIER", "FICHIER_EST_DOSSIER"), (args, result.stderr)
            assert {p.name: (os.lstat(p).st_mode, os.lstat(p).st_ino) for p in scratch.iterdir()} == before
            assert not any(p.name.endswith(".bilan-tmp") for p in scratch.iterdir())
    finally:
        if server is not None:
            server.close()
    assert bilan.db_bytes() == db


def test_a_fifo_put_at_the_name_while_writing_is_left_as_it_was(bilan, tmp_path, monkeypatch):
    """Checked again just before the rename, which would replace the FIFO by the file."""
    bid = in_conclusion(bilan.home)
    target = tmp_path / "synthese.md"
    real = files.new_private_file

    def then_a_fifo(path, *args, **kwargs):
        fd = real(path, *args, **kwargs)
        os.mkfifo(target)
        return fd

    monkeypatch.setattr(files, "new_private_file", then_a_fifo)
    result = bilan("synthese", "render", bid, "--format", "md", "-o", target, code=1)
    assert result.key == "SORTIE_PAS_UN_FICHIER"
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["synthese.md"]


def test_o_dash_is_the_standard_output(bilan):
    bid = in_conclusion(bilan.home)
    assert MARK in bilan("synthese", "render", bid, "--format", "md", "-o", "-").stdout


# --- 9. never « Erreur inattendue » -------------------------------------------------------------

@pytest.mark.parametrize("nested", ["a = " + "[" * 100_000 + "]" * 100_000,
                                    "[cabinet]\nnom = " + "{a = " * 100_000 + "}" * 100_000])
def test_a_config_nested_beyond_reading_is_named(bilan, nested):
    bid = bilan.new()
    (bilan.home / "config.toml").write_text(nested)
    for args in (["agenda"], ["show", bid]):
        result = bilan(*args, code=1)
        assert result.key == "CONFIG_ILLISIBLE"
        assert result.error.values["detail"] == msg.CONFIG_TROP_IMBRIQUE


@pytest.mark.parametrize("target", ["fichier", "dossier", "nulle-part"])
def test_a_linked_journal_is_an_unreadable_store(bilan, tmp_path, target):
    bid = bilan.new()
    aim = tmp_path / target
    if target == "fichier":
        aim.write_text(PRECIOUS)
    elif target == "dossier":
        aim.mkdir()
    journal = bilan.home / "bilans.db-journal"
    journal.symlink_to(aim)
    before = bilan.db_bytes()
    for args in (["list"], ["show", bid], ["set", bid, "demande", "x"], ["new", "--nom", "A", "--prenom", "B"]):
        assert bilan(*args, code=1).key == "STORE_ILLISIBLE", args
    assert journal.is_symlink() and os.readlink(journal) == str(aim)
    assert bilan.db_bytes() == before
    assert (target != "fichier" or aim.read_text() == PRECIOUS) and (target != "nulle-part" or not aim.exists())


LIMITED = """import resource, signal, sys, runpy
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))
sys.argv = ["bilan", *sys.argv[2:]]
runpy.run_module("bilancli", run_name="__main__")
"""


def _limited(home: Path, limit: int, *args) -> subprocess.CompletedProcess:
    env = {**os.environ, "BILAN_HOME": str(home), "BILAN_TODAY": "2026-03-02", "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-c", LIMITED, str(limit), *map(str, args)], env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)


@pytest.mark.parametrize("command", ["set", "render", "new"])
def test_a_file_size_limit_is_said_like_a_full_disk(bilan, command):
    bid = in_conclusion(bilan.home)
    before = bilan.db_bytes()
    args = {"set": ["set", bid, "demande", "y" * 60_000],
            "render": ["synthese", "render", bid, "--format", "md"],
            "new": ["new", "--nom", "A", "--prenom", "B"]}[command]
    limit = len(before) + 1_000 if command == "set" else 1_000
    done = _limited(bilan.home, limit, *args)
    assert done.returncode == 1, done.stderr
    said = msg.BASE_SANS_PLACE.format(cause=msg.RAISONS_SYSTEME["EFBIG"])
    assert said in done.stderr and "inattendue" not in done.stderr
    assert bilan.db_bytes() == before
    assert not (bilan.home / "documents").exists() or not any((bilan.home / "documents").rglob("*.md"))


@pytest.mark.parametrize("code", [errno.EFBIG, errno.EDQUOT, errno.ENOSPC])
def test_a_rendering_cut_by_a_limit_or_a_quota_says_so_and_leaves_nothing(bilan, monkeypatch, code):
    bid = in_conclusion(bilan.home)
    real_new, real_write, ours = files.new_private_file, os.write, set()

    def new(path, *args, **kwargs):
        fd = real_new(path, *args, **kwargs)
        ours.add(fd)
        return fd

    def write(fd, data):
        if fd in ours:   # the rendering's first write; the clean-up then writes freely
            ours.clear()
            raise OSError(code, os.strerror(code))
        return real_write(fd, data)

    monkeypatch.setattr(files, "new_private_file", new)
    monkeypatch.setattr(os, "write", write)
    result = bilan("synthese", "render", bid, "--format", "md", code=1)
    monkeypatch.setattr(os, "write", real_write)
    if code == errno.ENOSPC:
        assert result.key == "DISQUE_PLEIN_FICHIER"
    else:
        assert result.key == "FICHIER_SANS_PLACE"
        assert result.error.values["cause"] == msg.RAISONS_SYSTEME[errno.errorcode[code]]
    assert not list((bilan.home / "documents").rglob("*.md*"))
    assert not bilan.json("show", bid)["documents"]

