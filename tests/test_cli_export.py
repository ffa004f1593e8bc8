"""`bilan export`: the beneficiary's copy of their data (RGPD art. 15 and 20), known to the purge."""

import io
import json
import sqlite3
import stat
import zipfile
from datetime import date

import pytest
import storeio as records
from docstore import writing
from purge_helpers import CONTENT_KINDS, make_ended_bilan, marker
from test_purge_traces import traces

# What the export carries beyond the markers make_ended_bilan plants: the comments of the
# questionnaires, the abandonment motive and the motive of a follow-up that did not take place.
EXTRA_KINDS = ("ABANDON", "MOTIFSUIVI")
# Markers make_ended_bilan writes only into files on disk (the synthèse and attendance sheet
# rendered there): rendered files are not stored documents, the export does not carry them.
ON_DISK_ONLY = ("FICHIER", "SYNTHFICHIER")


def unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def exported(bilan, bid, *args) -> tuple[dict, dict[str, bytes]]:
    bilan("export", bid, *args)
    target = bilan.home / "documents" / bid / f"export-{bid}.zip"
    files = unzip(target.read_bytes())
    return json.loads(files["donnees.json"]), files


def full_bilan(bilan) -> str:
    bid = bilan.new("--financement", "cpf", "--statut", "salarie", "--tarif", "1 500",
                    "--date", "2026-02-01")
    bilan("consent", bid, "bilan", "--date", "2026-02-01")
    bilan("set", bid, "demande", "Changer de métier")
    bilan("entretien", "add", bid, "--date", "2026-02-02", "--duree", "2h", "--notes", "Premier échange")
    bilan("entretien", "add", bid, "--date", "2026-02-09", "--duree", "1h")
    bilan("rdv", "add", bid, "--date", "2026-03-10", "--heure", "10h", "--duree", "1h")
    bilan("rdv", "cancel", bid, "1", "--par", "beneficiaire", "--motif", "Enfant malade")
    bilan("abandon", bid, "--date", "2026-03-02", "--motif", "Nouvel emploi trouvé")
    bilan("satisfaction", bid, "--moment", "fin", "--note", "4", "--commentaire", "Très utile")
    return bid


def test_the_zip_holds_everything_show_holds_with_the_notes_and_motives(bilan, tmp_path):
    bid = full_bilan(bilan)
    (tmp_path / "cv.pdf").write_bytes(b"%PDF-1.4 mon cv")
    bilan("doc", "add", bid, tmp_path / "cv.pdf", "--type", "cv")
    show = bilan.json("show", bid)
    data, files = exported(bilan, bid)
    assert sorted(files) == ["LISEZMOI.txt", "documents/1-cv.pdf", "donnees.json"]
    assert files["documents/1-cv.pdf"] == b"%PDF-1.4 mon cv"
    assert "RGPD" in files["LISEZMOI.txt"].decode("utf-8")
    # Every key of show --json, each value as show gives it, completed and never changed.
    for key, value in show.items():
        if isinstance(value, list):
            assert len(data[key]) == len(value), key
            for mine, theirs in zip(data[key], value):
                assert mine.items() >= theirs.items(), key
        elif isinstance(value, dict) and key in ("suivi",):
            assert data[key].items() >= value.items(), key
        else:
            assert data[key] == value, key
    assert data["exporte_le"] == "2026-03-02"
    assert [e["notes"] for e in data["entretiens"]] == ["Premier échange", None]
    assert data["rdv"][0]["motif"] == "Enfant malade"
    assert data["motif_abandon"] == "Nouvel emploi trouvé"
    assert data["commentaires_satisfaction"] == {"fin": "Très utile"}
    assert data["satisfaction"] == {"fin": {"note": 4, "envoye_le": None, "relances": 0, "sans_reponse": False}, "suivi": None}
    assert data["champs"]["demande"] == "Changer de métier"
    assert data["documents"][0]["fichier"] == "documents/1-cv.pdf"


def test_the_zip_is_private_recorded_as_content_and_the_same_bytes_twice(bilan, tmp_path):
    bid = full_bilan(bilan)
    out = bilan("export", bid).stdout
    target = bilan.home / "documents" / bid / f"export-{bid}.zip"
    assert str(target) in out and "purge" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    first = target.read_bytes()
    with zipfile.ZipFile(target) as archive:
        for info in archive.infolist():
            assert info.date_time == (2026, 3, 2, 0, 0, 0)
            assert stat.S_IMODE(info.external_attr >> 16) == 0o600
    bilan("export", bid)
    assert target.read_bytes() == first
    elsewhere = tmp_path / "pour-claire.zip"
    bilan("export", bid, "-o", elsewhere)
    assert elsewhere.read_bytes() == first
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o600
    conn = sqlite3.connect(bilan.home / "bilans.db")
    rows = conn.execute("SELECT genre, format, classe, chemin, provisoire FROM rendus "
                        "WHERE bilan_id = ?", (bid,)).fetchall()
    assert rows == [("export", "zip", "contenu", f"documents/{bid}/export-{bid}.zip", None)] * 2 + [
        ("export", "zip", "contenu", str(elsewhere), None)]


def test_stored_file_names_never_leave_the_documents_folder_nor_collide(bilan):
    bid = bilan.new()
    names = ("../../../etc/passwd", "C:\\Users\\x\\cv.pdf", "/abs/cv.pdf", "cv.pdf", "..", None,
             "\x1b[31mrouge\u202e.txt", "a" * 300 + ".pdf")
    with writing(bilan.home) as conn:
        for name in names:
            records.add_document(conn, bid, type_="autre", titre="t", content=b"x", filename=name,
                                 phase="preliminaire", on=date(2026, 3, 2))
    _, files = exported(bilan, bid)
    documents = sorted(n for n in files if n.startswith("documents/"))
    assert len(documents) == len(set(documents)) == len(names)
    for name in documents:
        inside = name[len("documents/"):]
        assert "/" not in inside and "\\" not in inside and ".." not in inside, name
        assert not any(ord(c) < 32 or c == "\u202e" for c in inside), name
        assert len(inside) <= 110
    assert "documents/4-cv.pdf" in documents and "documents/3-cv.pdf" in documents
    assert "documents/1-passwd" in documents and "documents/6-autre" in documents
    assert any(n.startswith("documents/8-") and n.endswith(".pdf") for n in documents)


def _plant_extra(home, bid_ended: str) -> str:
    """A second bilan, abandoned with a motive and its follow-up not held, with its motive
    (the ended one's satisfaction comment is planted by make_ended_bilan)."""
    with writing(home) as conn:
        other = records.create(conn, opened_on=date(2026, 1, 5), admin={"nom": "Durand", "prenom": "Luc"})
        records.enter_phase(conn, other, "abandonne", date(2026, 2, 1), date_fin=date(2026, 2, 1),
                            motif=marker("EXP", "ABANDON"))
        records.apply(conn, records.ch.SuiviHeld(other, date(2026, 2, 1), None, True,
                                                 marker("EXP", "MOTIFSUIVI")))
    return other


def test_every_kind_of_content_is_in_the_zip_and_the_purge_leaves_nothing_of_it(bilan, tmp_path):
    bid = make_ended_bilan(bilan.home, "EXP", end=date(2026, 2, 1))
    other = _plant_extra(bilan.home, bid)
    remise = tmp_path / "remise"
    remise.mkdir()
    bilan("export", bid)
    bilan("export", other, "-o", remise / "durand.zip")
    inside = (bilan.home / "documents" / bid / f"export-{bid}.zip").read_bytes()
    inside += (remise / "durand.zip").read_bytes()
    # Stored uncompressed: the markers are in the zip's bytes, where the scan below looks.
    carried = [marker("EXP", k) for k in CONTENT_KINDS + EXTRA_KINDS if k not in ON_DISK_ONLY]
    for needle in carried:
        assert needle.encode("utf-8") in inside, needle
    assert set(traces(remise, carried)) == {marker("EXP", k) for k in EXTRA_KINDS
                                             if k != "SATIS"}

    bilan("purge", "--yes")

    assert not (bilan.home / "documents" / bid / f"export-{bid}.zip").exists()
    assert not (remise / "durand.zip").exists()
    everything = [marker("EXP", k) for k in CONTENT_KINDS + EXTRA_KINDS]
    assert traces(bilan.home, everything) == {}
    assert traces(remise, everything) == {}


def test_after_the_purge_the_export_gives_the_administrative_record_and_goes_at_the_next(bilan):
    bid = make_ended_bilan(bilan.home, "APR", end=date(2026, 2, 1))
    bilan("purge", "--yes")
    data, files = exported(bilan, bid)
    assert data["nom"] == "Martin" and data["tarif"] == 1800
    assert all(v is None for v in data["champs"].values())
    assert data["documents"] == [] and [f for f in files if f.startswith("documents/")] == []
    assert [e["notes"] for e in data["entretiens"]] == [None]
    assert data["purge"]["contenu_detruit_le"] == "2026-03-02"
    assert "détruit le 02/03/2026" in files["LISEZMOI.txt"].decode("utf-8")
    bilan("purge", "--yes")
    assert not (bilan.home / "documents" / bid / f"export-{bid}.zip").exists()


def test_an_anonymised_record_is_refused_and_nothing_changes(bilan):
    bid = make_ended_bilan(bilan.home, "ANX", end=date(2020, 6, 1))
    bilan("purge", "--yes")
    before = bilan.db_bytes()
    result = bilan("export", bid, code=1)
    assert result.key == "EXPORT_ANONYMISE" and "anonymisé" in result.stderr
    assert bilan.db_bytes() == before
    assert not (bilan.home / "documents" / bid / f"export-{bid}.zip").exists()


@pytest.mark.parametrize("output, key", [
    ("-", "EXPORT_SORTIE_STANDARD"),
    ("{home}/bilans.db", "SORTIE_DANS_LES_DONNEES"),
    ("{tmp}/absent/x.zip", "DOSSIER_SORTIE_ABSENT"),
    ("{tmp}", "FICHIER_EST_DOSSIER"),
    (" ", "SORTIE_VIDE"),
])
def test_a_bad_output_is_refused_and_changes_nothing(bilan, tmp_path, output, key):
    bid = bilan.new()
    before = bilan.db_bytes()
    result = bilan("export", bid, "-o", output.format(home=bilan.home, tmp=tmp_path), code=1)
    assert result.key == key
    assert bilan.db_bytes() == before
    assert not (bilan.home / "documents").exists()


def test_an_unknown_bilan_is_refused(bilan):
    bilan.new()
    before = bilan.db_bytes()
    assert bilan("export", "2026-009", code=1).key == "BILAN_INCONNU"
    assert bilan("export", "2026-9", code=1).key == "ID_MALFORME"
    assert bilan.db_bytes() == before
