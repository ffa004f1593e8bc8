"""Issue 21 point 4: the signed convention is kept (SPEC §4) — its bytes in the store with
their SHA-256, given back byte for byte, destroyed at the anonymisation with the purge's
guarantee (store, backups, copies written out); no convention without an employer."""

import hashlib
import sqlite3

import pytest
from paperwork import refused
from test_backups import cabinet  # noqa: F401  (fixture)
from test_purge_traces import traces

MARKER = "QZXSIGNEDCONVENTIONXZQ"
SCAN = b"%PDF-1.4\n" + MARKER.encode() + b"\n" + bytes(range(256)) * 8


@pytest.fixture
def plan(bilan):
    bid = bilan.new("--financement", "plan", "--employeur", "Chaudronnerie Rivière",
                    "--date", "2026-02-20")
    bilan("convention", "send", bid, "--date", "2026-02-25")
    return bid


def test_the_signed_convention_is_kept_with_its_hash_and_given_back(bilan, plan, tmp_path):
    scan = tmp_path / "convention signée.pdf"
    scan.write_bytes(SCAN)
    out = bilan("convention", "sign", plan, "--date", "2026-02-27", "--preuve", scan,
                "--methode", "électronique").stdout
    digest = hashlib.sha256(SCAN).hexdigest()
    assert digest in out
    proof = bilan.json("show", plan)["convention"]["preuve"]
    assert proof == {"methode": "electronique", "sha256": digest, "taille": len(SCAN)}
    assert "signature électronique" in bilan("show", plan).stdout
    assert bilan("convention", "preuve", plan, "-o", "-").stdout_bytes == SCAN
    back = tmp_path / "copie.pdf"
    bilan("convention", "preuve", plan, "-o", back)
    assert back.read_bytes() == SCAN
    # The copy written out is administrative evidence the purge knows of.
    conn = sqlite3.connect(bilan.home / "bilans.db")
    assert conn.execute("SELECT genre, classe FROM rendus WHERE chemin = ?",
                        (str(back),)).fetchall() == [("preuve_convention", "administratif")]
    conn.close()


def test_the_default_method_is_handwritten_and_a_proof_may_follow_the_signature(bilan, plan, tmp_path):
    bilan("convention", "sign", plan, "--date", "2026-02-27")
    assert bilan.json("show", plan)["convention"]["preuve"] is None
    assert refused(bilan, "convention", "preuve", plan, "-o", "-", key="PREUVE_ABSENTE")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCAN)
    bilan("convention", "sign", plan, "--preuve", scan)
    view = bilan.json("show", plan)["convention"]
    assert view["signee"] == "2026-02-27" and view["preuve"]["methode"] == "manuscrite"
    # Once kept, it is not replaced by a second signature.
    assert refused(bilan, "convention", "sign", plan, "--preuve", scan, key="CONVENTION_DEJA_SIGNEE")


@pytest.mark.parametrize("case, key", [
    ("absent", "FICHIER_INTROUVABLE"), ("dossier", "FICHIER_EST_DOSSIER"),
    ("vide", "PREUVE_VIDE"), ("methode", "METHODE_INCONNUE"), ("sans_preuve", "METHODE_SANS_PREUVE"),
])
def test_a_proof_that_cannot_be_kept_is_refused_the_store_unchanged(bilan, plan, tmp_path, case, key):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCAN)
    empty = tmp_path / "vide.pdf"
    empty.write_bytes(b"")
    args = {"absent": ["--preuve", tmp_path / "absent.pdf"], "dossier": ["--preuve", tmp_path],
            "vide": ["--preuve", empty], "methode": ["--preuve", scan, "--methode", "fax"],
            "sans_preuve": ["--methode", "manuscrite"]}[case]
    refused(bilan, "convention", "sign", plan, "--date", "2026-02-27", *args, key=key)
    assert bilan.json("show", plan)["convention"]["signee"] is None


def test_no_convention_is_rendered_while_no_employer_is_named(bilan):
    bid = bilan.new("--financement", "plan")
    err = refused(bilan, "convention", "render", bid, "--format", "md", key="CONVENTION_SANS_EMPLOYEUR")
    assert "employeur" in err and "R6313-8" in err
    bilan("set", bid, "employeur", "Chaudronnerie Rivière")
    assert "Chaudronnerie Rivière" in bilan("convention", "render", bid, "--format", "md", "-o", "-").stdout


def test_the_anonymisation_destroys_the_proof_everywhere(bilan, plan, cabinet, tmp_path):  # noqa: F811
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCAN)
    bilan("convention", "sign", plan, "--date", "2026-02-27", "--preuve", scan)
    out = tmp_path / "sortie.pdf"
    bilan("convention", "preuve", plan, "-o", out)
    bilan("abandon", plan, "--date", "2026-03-02")
    bilan("sauvegarde")
    scan.unlink()   # the consultant's own scan is theirs: only what the tool wrote is its business
    assert set(traces(bilan.home, [MARKER])) == {MARKER}   # the scan can fail
    assert set(traces(cabinet, [MARKER])) == {MARKER}
    bilan.today("2031-03-01")
    bilan("purge", "--yes")
    assert bilan.json("show", plan)["convention"]["preuve"] is not None   # kept until the anonymisation
    bilan.today("2031-03-02")
    bilan("purge", "--yes")
    view = bilan.json("show", plan)
    assert view["convention"]["preuve"] is None and view["nom"] is None
    assert view["convention"]["signee"] == "2026-02-27"   # the dates stay
    assert traces(bilan.home, [MARKER]) == {}
    assert traces(cabinet, [MARKER]) == {}
    assert not out.exists()
    assert refused(bilan, "convention", "preuve", plan, "-o", "-", key="PREUVE_DETRUITE")


def test_the_beneficiary_export_carries_the_signed_convention(bilan, plan, tmp_path):
    import json
    import zipfile

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(SCAN)
    bilan("convention", "sign", plan, "--date", "2026-02-27", "--preuve", scan)
    archive = tmp_path / "export.zip"
    bilan("export", plan, "-o", archive)
    with zipfile.ZipFile(archive) as z:
        assert z.read("convention-signee.pdf") == SCAN
        data = json.loads(z.read("donnees.json"))
    assert data["convention"]["preuve"]["fichier"] == "convention-signee.pdf"
    assert data["convention"]["preuve"]["sha256"] == hashlib.sha256(SCAN).hexdigest()
