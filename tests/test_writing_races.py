"""A writing interrupted or overtaken (found by review): Ctrl-C at any step of a rendering,
a purge that comes between the record and the writing, a file rendered again over an older
one, an export whose record is purged while it is prepared — never content the purge does
not know, never content it destroyed written back."""

import os
from datetime import date

import pytest
import storeio
from docstore import writing
from test_faults import MARK, end_and_purge, in_conclusion, nothing_left

from bilancli.store import files


def _interrupt_after(monkeypatch, module, name):
    """Ctrl-C just after the first call of `module.name` (once: the clean-up runs as usual)."""
    real, calls = getattr(module, name), []

    def interrupted(*args, **kwargs):
        real(*args, **kwargs)
        calls.append(args)
        if len(calls) == 1:
            raise KeyboardInterrupt

    monkeypatch.setattr(module, name, interrupted)


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_ctrl_c_while_a_file_is_written_leaves_nothing_unrecorded(bilan, tmp_path, monkeypatch, step):
    bid = in_conclusion(bilan.home)
    outside = tmp_path / "sorties"
    outside.mkdir()
    with monkeypatch.context() as patched:
        _interrupt_after(patched, files.os, step)
        result = bilan("synthese", "render", bid, "--format", "md", "-o", outside / "s.md", code=None)
    assert result.exit_code == 130
    assert list(outside.iterdir()) == []          # neither the file nor its temporary name
    assert bilan.json("show", bid)["documents"] == []
    end_and_purge(bilan, bid)
    assert nothing_left(bilan.home, outside) == {}


def test_a_purge_between_the_record_and_the_writing_wins(bilan, tmp_path, monkeypatch):
    bid = in_conclusion(bilan.home)
    outside = tmp_path / "sorties"
    outside.mkdir()
    real = files.write

    def overtaken(output, data):
        with writing(bilan.home) as conn:
            storeio.enter_phase(conn, bid, "termine", date(2026, 3, 2), date_fin=date(2026, 3, 2))
        assert bilan("purge", "--yes").exit_code == 0
        real(output, data)

    with monkeypatch.context() as patched:
        patched.setattr(files, "write", overtaken)
        result = bilan("synthese", "render", bid, "--format", "md", "-o", outside / "s.md", code=1)
    assert result.key == "PURGE_PENDANT_ECRITURE"
    assert list(outside.iterdir()) == []
    assert bilan.json("show", bid)["documents"] == []   # no kept copy after the purge
    assert nothing_left(bilan.home, outside) == {}


def test_a_file_rendered_again_leaves_nothing_of_the_first(bilan, tmp_path):
    bid = in_conclusion(bilan.home)
    target = tmp_path / "s.md"
    bilan("synthese", "render", bid, "--format", "md", "-o", target)
    first = os.open(target, os.O_RDONLY)   # the first file's blocks, after its name is reused
    try:
        with writing(bilan.home) as conn:
            storeio.set_content(conn, bid, "demande", "autre texte", date(2026, 3, 2))
        bilan("synthese", "render", bid, "--format", "md", "-o", target)
        left = os.read(first, 1 << 20)
    finally:
        os.close(first)
    assert left and set(left) == {0}
    assert b"autre texte" in target.read_bytes()


def test_an_export_whose_record_is_purged_meanwhile_writes_nothing(bilan, tmp_path, monkeypatch):
    bid = in_conclusion(bilan.home)
    from bilancli.render import archive

    real = archive.build_zip

    def slow(*args, **kwargs):
        data = real(*args, **kwargs)
        end_and_purge(bilan, bid)       # the purge comes while the zip is being made
        return data

    target = tmp_path / "copie.zip"
    with monkeypatch.context() as patched:
        patched.setattr(archive, "build_zip", slow)
        result = bilan("export", bid, "-o", target, code=1)
    assert result.key == "DOSSIER_CHANGE_PENDANT"
    assert not target.exists()
    assert nothing_left(bilan.home, tmp_path) == {}


def test_a_file_that_cannot_be_destroyed_is_reported_and_the_purge_goes_on(bilan, tmp_path, monkeypatch):
    """A temporary file a killed rendering left, in a folder that refuses its deletion
    (`chattr +i`): named, retried at the next purge; the rest of the purge goes on."""
    from test_faults import run

    from bilancli.store.conservation import purge_files

    bid = in_conclusion(bilan.home)
    other = in_conclusion(bilan.home)
    outside = tmp_path / "sorties"
    outside.mkdir()
    killed = run(bilan.home, "synthese", "render", bid, "--format", "md", "-o", outside / "bloque.md",
                 MOURIR="avant_renommage")
    assert killed.returncode == 137
    bilan("synthese", "render", other, "--format", "md", "-o", outside / "libre.md")
    for each in (bid, other):
        with writing(bilan.home) as conn:
            storeio.enter_phase(conn, each, "termine", date(2026, 3, 2), date_fin=date(2026, 3, 2))
    real = purge_files.shred_name

    def immutable(path):
        if str(path).endswith(".bilan-tmp"):
            raise PermissionError(1, "Operation not permitted")
        return real(path)

    with monkeypatch.context() as patched:
        patched.setattr(purge_files, "shred_name", immutable)
        result = bilan("purge", "--yes", code=1)
    assert result.key == "PURGE_INCOMPLETE"
    assert "bloque.md" in result.stderr and "Erreur inattendue" not in result.stderr
    assert not (outside / "libre.md").exists()                  # the rest went
    assert bilan.json("show", other)["champs"]["demande"] is None
    bilan("purge", "--yes")                                     # retried, and gone
    assert list(outside.iterdir()) == []
    assert nothing_left(bilan.home, outside) == {}


def test_a_half_destroyed_file_of_a_killed_purge_goes_even_when_its_name_is_reused(bilan, tmp_path):
    from bilancli.store.conservation.purge_files import tombstone

    bid = in_conclusion(bilan.home)
    outside = tmp_path / "sorties"
    outside.mkdir()
    target = outside / "s.md"
    bilan("synthese", "render", bid, "--format", "md", "-o", target)
    os.replace(target, tombstone(target))   # where a purge killed while overwriting leaves it
    other = in_conclusion(bilan.home)
    bilan("synthese", "render", other, "--format", "md", "-o", target)   # the name used again
    end_and_purge(bilan, bid)
    assert not tombstone(target).exists()
    assert target.exists()                                      # the other bilan's, untouched
    end_and_purge(bilan, other)
    assert nothing_left(bilan.home, outside) == {}


def test_the_journal_of_every_write_is_zeroed_before_it_goes(bilan, monkeypatch):
    """The rollback journal holds the pages as they were: the text a `set` replaced, the
    content a purge destroyed. Kept open across its removal, its bytes must be zeros."""
    from bilancli.store.db import JOURNAL, Store

    bid = bilan.new()
    bilan("set", bid, "demande", f"premier jet {MARK}")
    seen = []
    real = Store.scrub_journal

    def watched(self):
        path = os.path.join(self.home, JOURNAL)
        if os.path.exists(path):
            seen.append(os.open(path, os.O_RDONLY))
        real(self)

    with monkeypatch.context() as patched:
        patched.setattr(Store, "scrub_journal", watched)
        bilan("set", bid, "demande", "second jet")
        end_and_purge(bilan, in_conclusion(bilan.home))
    assert seen, "the writes left a journal to scrub"
    try:
        for fd in seen:
            left = os.pread(fd, 1 << 24, 0)
            assert not left.strip(b"\0"), "a journal was removed with its bytes"
    finally:
        for fd in seen:
            os.close(fd)
    assert not (bilan.home / JOURNAL).exists()


def test_a_workspace_destroyed_before_its_lock_was_taken_is_made_again(bilan, monkeypatch):
    """Another command's clean-up may come between the lock's creation and its taking."""
    import fcntl

    from bilancli.store.dossier import drafts

    real, raced = fcntl.flock, []

    def late(fd, operation):
        if not raced and operation == fcntl.LOCK_EX:
            raced.append(fd)
            drafts.destroy_left_over(str(bilan.home))   # finds it unlocked: destroys it
        return real(fd, operation)

    bilan.home.mkdir(parents=True, exist_ok=True)
    with monkeypatch.context() as patched:
        patched.setattr(fcntl, "flock", late)
        space = drafts.Workspace(str(bilan.home))
    try:
        assert raced and os.path.isdir(space.where)
        assert os.fstat(space.lock).st_nlink == 1
    finally:
        space.destroy()
    assert not (bilan.home / "brouillons").exists()
