"""SPEC §15's test: a copy of BILAN_HOME and a backup taken before a purge, opened after it
with every key that then exists, yield none of the purged content, and still open the bilans
kept. Only the files written for a person to open (rendered documents) stay readable in the
copy: they are outside this guarantee, and the README says so."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from purge_helpers import CONTENT_KINDS, make_ended_bilan, marker
from sealing import kept_keys, seal_store

# The markers of make_ended_bilan held in rendered files (documents/ID/*.md), not in the store.
HANDED_OUT = ("FICHIER", "SYNTHFICHIER")


def scan(folder: Path, needles) -> dict[str, list[str]]:
    """Each needle found in the raw bytes of any file under `folder` (utf-8, utf-16): where."""
    blobs = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    found: dict[str, list[str]] = {}
    for needle in needles:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            encoded = needle.encode(encoding)
            found.setdefault(needle, []).extend(
                str(p.relative_to(folder)) for p, data in blobs.items() if encoded in data)
        if not found[needle]:
            del found[needle]
    return found


def numbers(folder: Path, bid: str) -> dict[str, str]:
    """The numbers of a bilan's stored documents, by type (`doc get ID N`)."""
    conn = sqlite3.connect(folder / "bilans.db")
    try:
        return {t: str(n) for n, t in conn.execute(
            "SELECT id, type FROM documents WHERE bilan_id = ?", (bid,))}
    finally:
        conn.close()


@pytest.fixture
def before_the_purge(bilan, tmp_path):
    """A store of three ended bilans — one due (GONE), one whose synthèse exception A keeps
    (CEP), one kept under exception B (KEEP) —, a copy of its data folder and a backup, both
    taken before the purge; then the purge."""
    ids = {
        "GONE": make_ended_bilan(bilan.home, "GONE", end=date(2026, 2, 1)),
        "CEP": make_ended_bilan(bilan.home, "CEP", end=date(2026, 2, 1), consents=("cep",)),
        "KEEP": make_ended_bilan(bilan.home, "KEEP", end=date(2026, 2, 1), consents=("conservation",)),
    }
    seal_store(bilan.home)
    copy = tmp_path / "copie"
    shutil.copytree(bilan.home, copy)
    disk = tmp_path / "disque"
    disk.mkdir()
    bilan("sauvegarde", "-o", disk)
    (backup,) = list(disk.iterdir())
    everything = [marker(tag, kind) for tag in ids for kind in CONTENT_KINDS]
    # Sealed: only the files handed out hold content in clear.
    assert set(scan(copy, everything)) == {marker(t, k) for t in ids for k in HANDED_OUT}
    bilan("purge", "--yes")
    purged = [marker(t, k) for t in ("GONE", "CEP") for k in CONTENT_KINDS
              if (t, k) not in {("CEP", "SYNTHDOC"), ("CEP", "SYNTHFICHIER")}]
    assert kept_keys(bilan.home) == {ids["KEEP"], f"{ids['KEEP']}/synthese", f"{ids['CEP']}/synthese"}
    return ids, copy, backup, purged


def opened_from(bilan, monkeypatch, folder: Path, ids, purged, tmp_path) -> None:
    """Every command on the copy at `folder`: nothing purged comes out, the purged content is
    said destroyed, the bilans kept open as before."""
    monkeypatch.setenv("BILAN_HOME", str(folder))
    out = tmp_path / "sorties"
    out.mkdir(exist_ok=True)
    said = []
    for bid in (ids["GONE"], ids["CEP"]):
        for argv in (["show", bid], ["show", bid, "--json"],
                     ["doc", "get", bid, numbers(folder, bid)["test"]],
                     ["export", bid, "-o", str(out / f"export-{bid}.zip")]):
            result = bilan(*argv, code=1)
            assert result.key == "CLE_BILAN_DETRUITE", (argv, result.stderr)
            said.append(result.stdout + result.stderr)
        # What shows no content (the dates and hours of its entretiens) opens no key.
        said.append(bilan("entretien", "list", bid).stdout)
    # The GONE synthèse: its key went too.
    gone = [bilan("doc", "get", ids["GONE"], numbers(folder, ids["GONE"])["synthese"], code=1)]
    assert gone[0].key == "CLE_BILAN_DETRUITE"
    said += [r.stdout + r.stderr for r in gone]
    # The CEP synthèse, kept under exception A, still opens.
    cep = numbers(folder, ids["CEP"])["synthese"]
    assert bilan("doc", "get", ids["CEP"], cep).stdout_bytes == marker("CEP", "SYNTHDOC").encode()
    # The bilan kept opens as before.
    view = bilan.json("show", ids["KEEP"])
    assert marker("KEEP", "CHAMP") in view["champs"]["demande"]
    assert bilan("doc", "get", ids["KEEP"], numbers(folder, ids["KEEP"])["test"]).stdout_bytes == marker("KEEP", "DOC").encode() * 50
    said += [bilan(*argv).stdout for argv in (["list"], ["agenda"], ["list", "--json"], ["stats"])]
    assert not [m for m in purged if any(m in text for text in said)]
    assert list(out.iterdir()) == []
    # Raw bytes: the purged markers only in the files handed out (outside the guarantee).
    found = scan(folder, purged)
    assert all(m.endswith(tuple(f"{k}XZQ" for k in HANDED_OUT)) for m in found), found
    assert all(place.startswith("documents/") and place.endswith(".md")
               for places in found.values() for place in places), found


def test_a_copy_of_the_data_folder_taken_before_the_purge_yields_nothing_purged(
        bilan, monkeypatch, before_the_purge, tmp_path):
    ids, copy, _, purged = before_the_purge
    opened_from(bilan, monkeypatch, copy, ids, purged, tmp_path)


def test_a_backup_taken_before_the_purge_yields_nothing_purged(bilan, monkeypatch, before_the_purge,
                                                               tmp_path):
    ids, _, backup, purged = before_the_purge
    opened_from(bilan, monkeypatch, backup, ids, purged, tmp_path)


def test_that_backup_restored_yields_nothing_purged_and_the_kept_bilans(bilan, before_the_purge):
    ids, _, backup, purged = before_the_purge
    bilan("restaure", backup, "--yes")
    assert scan(bilan.home, purged) == {}
    assert bilan.json("show", ids["GONE"])["champs"]["demande"] is None
    assert marker("KEEP", "CHAMP") in bilan.json("show", ids["KEEP"])["champs"]["demande"]
    cep = numbers(bilan.home, ids["CEP"])
    assert list(cep) == ["synthese"]
    assert bilan("doc", "get", ids["CEP"], cep["synthese"]).stdout_bytes == marker("CEP", "SYNTHDOC").encode()
