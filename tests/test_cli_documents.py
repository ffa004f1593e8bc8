"""`bilan doc add|list|get`: stored bytes, not paths."""

import os
import stat
from pathlib import Path

import pytest
from docstore import snapshot


def test_any_bytes_round_trip_exactly(bilan, tmp_path):
    bid = bilan.new()
    original = bytes(range(256)) * 40 + b"\x00\r\n\xff fin"
    source = tmp_path / "résultats tests.bin"
    source.write_bytes(original)
    out = bilan("doc", "add", bid, source, "--type", "test", "--titre", "Inventaire d'intérêts").stdout
    assert "Document n° 1" in out
    source.unlink()  # the store holds the bytes, not the path
    assert bilan("doc", "get", bid, "1").stdout_bytes == original
    target = tmp_path / "copie.bin"
    bilan("doc", "get", bid, "1", "-o", target)
    assert target.read_bytes() == original
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_list_gives_id_type_title_and_size(bilan, tmp_path):
    bid = bilan.new()
    (tmp_path / "cv.pdf").write_bytes(b"%PDF-1.4 cv")
    bilan("doc", "add", bid, tmp_path / "cv.pdf", "--type", "cv")
    (tmp_path / "n.txt").write_text("notes", encoding="utf-8")
    bilan("doc", "add", bid, tmp_path / "n.txt", "--type", "notes", "--titre", "<b>Notes</b> [red]x[/red]")
    assert bilan.json("doc", "list", bid) == [
        {"id": 1, "type": "cv", "titre": "cv.pdf", "taille": 11},
        {"id": 2, "type": "notes", "titre": "<b>Notes</b> [red]x[/red]", "taille": 5},
    ]
    assert "[red]x[/red]" in bilan("doc", "list", bid).stdout  # printed as typed, not as markup
    assert [d.phase for d in snapshot(bilan.home, bid).documents] == ["preliminaire", "preliminaire"]


def test_a_file_over_50_mib_is_refused(bilan, tmp_path):
    bid = bilan.new()
    big = tmp_path / "video.mp4"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024 + 1)  # sparse: costs no disk
    before = bilan.db_bytes()
    refusal = bilan("doc", "add", bid, big, code=1)
    assert refusal.key == "DOC_TROP_GROS", refusal.stderr
    err = refusal.stderr
    assert "50 Mio" in err and "video.mp4" in err
    assert bilan.db_bytes() == before
    exactly = tmp_path / "limite.bin"
    with open(exactly, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    bilan("doc", "add", bid, exactly)


def test_bad_input_is_refused_and_changes_nothing(bilan, tmp_path):
    first, second = bilan.new(), bilan.new(nom="Durand")
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    bilan("doc", "add", first, tmp_path / "a.txt")
    before = bilan.db_bytes()
    assert bilan("doc", "add", first, tmp_path / "absent.pdf", code=1).key == "FICHIER_INTROUVABLE"
    assert bilan("doc", "add", first, tmp_path, code=1).key == "FICHIER_EST_DOSSIER"
    assert bilan("doc", "add", first, tmp_path / "a.txt", "--type", "photo", code=1).key == "DOC_TYPE_INCONNU"
    refusal = bilan("doc", "get", second, "1", code=1)
    assert refusal.key == "DOC_INCONNU" and "n'a pas de document n° 1" in refusal.stderr
    assert bilan("doc", "get", first, "un", code=1).key == "DOC_ID_MALFORME"
    assert bilan("doc", "list", "2026-099", code=1).key == "BILAN_INCONNU"
    refusal = bilan("doc", "get", first, "1", "-o", tmp_path / "nulle-part" / "a.txt", code=1)
    assert refusal.key == "DOSSIER_SORTIE_ABSENT", refusal.stderr
    err = refusal.stderr
    assert "n'existe pas" in err
    assert not (tmp_path / "nulle-part").exists()
    assert bilan.db_bytes() == before


def test_get_writes_nothing_half_done(bilan, tmp_path):
    bid = bilan.new()
    (tmp_path / "a.txt").write_bytes(b"contenu")
    bilan("doc", "add", bid, tmp_path / "a.txt")
    out = tmp_path / "sortie"
    out.mkdir()
    bilan("doc", "get", bid, "1", "-o", out / "a.txt")
    assert sorted(os.listdir(out)) == ["a.txt"]  # no temporary file left beside it


def test_a_document_number_must_be_a_sane_positive_integer(bilan):
    bid = bilan.new()
    before = bilan.db_bytes()
    for typed in ("99999999999999999999", "0", "²", "-1", "1e3"):
        refusal = bilan("doc", "get", "-o", "-", "--", bid, typed, code=1)
        assert refusal.key == "DOC_ID_MALFORME", refusal.stderr
        err = refusal.stderr
        assert "numéro de document" in err and typed in err, (typed, err)
        assert "Erreur inattendue" not in err
    assert bilan.db_bytes() == before


def test_only_regular_files_are_accepted(bilan, tmp_path):
    bid = bilan.new()
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    before = bilan.db_bytes()
    for special in ("/dev/null", "/dev/zero", fifo, "/proc/self/environ", "/proc/self/status"):
        refusal = bilan("doc", "add", bid, special, code=1)
        assert refusal.key == "FICHIER_PAS_ORDINAIRE", refusal.stderr
        err = refusal.stderr
        assert "n'est pas un fichier ordinaire" in err and str(special) in err, err
    assert bilan.db_bytes() == before
    assert bilan.json("doc", "list", bid) == []


def test_the_size_limit_holds_whatever_the_announced_size(bilan, monkeypatch):
    # /proc files announce a size of 0 bytes and hold more: the read itself is bounded.
    status = Path("/proc/self/status")
    if not status.is_file() or status.stat().st_size != 0:
        pytest.skip("needs Linux /proc")
    bid = bilan.new()
    monkeypatch.setattr("bilancli.core.documents.catalogue.MAX_DOCUMENT_BYTES", 100)
    # /proc is refused as input since; the bounded read is what this test watches.
    monkeypatch.setattr("bilancli.cli.donnees.intake.in_kernel_filesystem", lambda path: False)
    refusal = bilan("doc", "add", bid, status, code=1)
    assert refusal.key == "DOC_TROP_GROS_LU", refusal.stderr
    err = refusal.stderr
    assert "plus de" in err and "status" in err
    assert bilan.json("doc", "list", bid) == []
