"""SPEC §15: no content in clear in what bilan keeps. Every column of class `contenu` is
sealed under its bilan's key unless the registry says why it holds nothing anyone wrote;
what the commands write is sealed in `bilans.db`, found in no file bilan keeps for itself
under BILAN_HOME, and reads back through the commands; a sealed value moved to another
bilan or column does not open; a store of the previous version is sealed by the first
command that writes, its plaintext destroyed."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest
import storeio as records
from docstore import writing

from bilancli.core import registry
from bilancli.store import schema
from bilancli.store.cles import cipher
from bilancli.store.db import Store
from bilancli.store.scellement import bound_column

MARK = "QZS{}SZQ"


def mark(name: str) -> str:
    return MARK.format(name.upper().replace(".", "_"))


def files_bilan_keeps(home: Path) -> list[Path]:
    """Every file under BILAN_HOME but those written for a person to open (`documents/`:
    renders, exports, `doc get` copies), which SPEC §15 leaves in clear."""
    return [p for p in home.rglob("*") if p.is_file() and not p.is_symlink()
            and "documents" not in p.relative_to(home).parts[:1]]


def found_in(home: Path, needles) -> dict[str, list[str]]:
    """Each needle found in the raw bytes of a file bilan keeps (utf-8, utf-16)."""
    blobs = {p: p.read_bytes() for p in files_bilan_keeps(home)}
    found = {}
    for needle in needles:
        where = [f"{p.relative_to(home)} ({enc})" for enc in ("utf-8", "utf-16-le", "utf-16-be")
                 for p, data in blobs.items() if needle.encode(enc) in data]
        if where:
            found[needle] = where
    return found


def raw(home: Path, table: str, column: str) -> list:
    conn = sqlite3.connect(home / "bilans.db")
    try:
        return [r[0] for r in conn.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL")]
    finally:
        conn.close()


def every_column_written(bilan, tmp_path) -> tuple[str, str]:
    """Content typed into every sealed column through the commands a consultant types, a
    marker of its own in each: (the ended bilan, the abandoned one)."""
    bid = bilan.new("--financement", "cpf", "--date", "2026-01-05")
    bilan("consent", bid, "bilan", "--date", "2026-01-05")
    bilan("set", bid, "demande", mark("champs.valeur"))
    bilan("entretien", "add", bid, "--date", "2026-01-06", "--duree", "2h",
          "--notes", mark("entretiens.notes"))
    bilan("entretien", "add", bid, "--date", "2026-01-07", "--duree", "1h")
    bilan("entretien", "edit", bid, "2", "--duree", "1h30", "--motif", mark("corrections.motif"))
    bilan("rdv", "add", bid, "--date", "2026-03-10", "--heure", "10h", "--duree", "1h")
    bilan("rdv", "cancel", bid, "1", "--par", "beneficiaire", "--motif", mark("rdv.motif"))
    stored = tmp_path / f"{mark('documents.nom_fichier')}.pdf"
    stored.write_bytes(f"%PDF-1.4 {mark('documents.contenu')}".encode())
    bilan("doc", "add", bid, stored, "--type", "test", "--titre", mark("documents.titre"))
    bilan("synthese", "render", bid, "--format", "md", "-o", "-")   # the kept synthèse
    bilan("abandon", bid)
    bilan("satisfaction", bid, "--moment", "fin", "--note", "4",
          "--commentaire", mark("satisfactions.commentaire"))
    other = bilan.new("--date", "2026-01-05", nom="Durand")
    bilan("abandon", other, "--motif", mark("bilans.motif_abandon"))
    bilan.today("2026-09-07")
    bilan("suivi", bid, "--date", "2026-09-07", "--notes", mark("suivis.notes"))
    bilan("suivi", other, "--date", "2026-09-07", "--non-realise", "--motif", mark("suivis.motif"))
    return bid, other


def test_every_column_of_content_is_sealed_or_says_why_it_is_not():
    for table in registry.TABLES:
        for column in table.columns:
            if column.retention == registry.CONTENU and not column.sealed:
                assert isinstance(column.clear, str) and column.clear, (table.name, column.name)
            if column.clear:
                assert column.retention == registry.CONTENU, (table.name, column.name)
    assert ("champs", "valeur") in registry.sealed_columns()


def test_what_the_commands_write_is_sealed_and_found_in_no_file_bilan_keeps(bilan, tmp_path):
    bid, other = every_column_written(bilan, tmp_path)
    sealed = registry.sealed_columns()
    for table, column in sealed:
        values = raw(bilan.home, table, column)
        # Every sealed column holds something here: a new one fails until this test writes it.
        assert values, f"{table}.{column}: no command of this test writes it"
        assert all(cipher.is_sealed(v) for v in values), f"{table}.{column} stored in clear"
    planted = [mark(f"{t}.{c}") for t, c in sealed if (t, c) != ("documents", "nom_fichier")]
    planted.append(mark("documents.nom_fichier"))
    assert found_in(bilan.home, planted) == {}
    # The scan can fail: the same markers in a file of the data folder are found.
    (bilan.home / "brouillons").mkdir(exist_ok=True)
    (bilan.home / "brouillons" / "sonde").write_text(" ".join(planted))
    assert set(found_in(bilan.home, planted)) == set(planted)
    (bilan.home / "brouillons" / "sonde").unlink()
    # And everything reads back through the commands.
    shown = bilan.json("show", bid)
    assert shown["champs"]["demande"] == mark("champs.valeur")
    assert [c["motif"] for c in shown["corrections"]] == [mark("corrections.motif")]
    titles = {d["type"]: d for d in bilan.json("doc", "list", bid)}
    assert titles["test"]["titre"] == mark("documents.titre")
    got = bilan("doc", "get", bid, str(titles["test"]["id"])).stdout_bytes
    assert got == f"%PDF-1.4 {mark('documents.contenu')}".encode()
    assert bilan("doc", "get", bid, str(titles["synthese"]["id"])).stdout_bytes.startswith(
        "# Document de synthèse".encode())
    data = _exported(bilan, bid)
    assert data["entretiens"][0]["notes"] == mark("entretiens.notes")
    assert data["rdv"][0]["motif"] == mark("rdv.motif")
    assert data["commentaires_satisfaction"] == {"fin": mark("satisfactions.commentaire")}
    assert data["suivi"]["notes"] == mark("suivis.notes")
    other_data = _exported(bilan, other)
    assert other_data["motif_abandon"] == mark("bilans.motif_abandon")
    assert other_data["suivi"]["motif"] == mark("suivis.motif")


def _exported(bilan, bid) -> dict:
    bilan("export", bid)
    target = bilan.home / "documents" / bid / f"export-{bid}.zip"
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as archive:
        return json.loads(archive.read("donnees.json"))


def test_the_synthese_is_sealed_under_a_key_of_its_own(bilan, tmp_path):
    bid, _ = every_column_written(bilan, tmp_path)
    store = Store(bilan.home, create=False)
    try:
        assert f"{bid}/synthese" in store.keys.kept() and bid in store.keys.kept()
        (row, content) = store.conn.execute("SELECT id, contenu FROM documents WHERE bilan_id = ? AND "
                                            "type = 'synthese'", (bid,)).fetchone()
        column = bound_column("documents", "contenu", row)
        assert store.keys.open("documents", column, bid, content, "synthese").startswith(
            "# Document de synthèse".encode())
        with pytest.raises(Exception) as refused:
            store.keys.open("documents", column, bid, content)   # the bilan's other key
        assert getattr(refused.value, "key", None) == "CONTENU_ENDOMMAGE"
    finally:
        store.close()


@pytest.mark.parametrize("move", ["other_bilan", "other_column", "other_field", "damaged"])
def test_a_sealed_value_moved_elsewhere_does_not_open_and_nothing_is_written(bilan, move):
    first, second = bilan.new(), bilan.new(nom="Durand")
    bilan("set", first, "demande", "Autre chose")
    bilan("set", first, "projet", "Ce que Claire a confié")
    bilan("set", second, "demande", "Autre chose")
    bilan("entretien", "add", first, "--date", "2026-03-02", "--duree", "1h", "--notes", "Notes")
    conn = sqlite3.connect(bilan.home / "bilans.db")
    if move == "other_field":   # her projet as her demande, in her own record
        conn.execute("UPDATE champs SET valeur = (SELECT valeur FROM champs WHERE bilan_id = ? AND "
                     "champ = 'projet') WHERE bilan_id = ? AND champ = 'demande'", (first, first))
        victim, command = first, ("show", first)
    elif move == "other_bilan":   # Claire's text in Durand's record
        conn.execute("UPDATE champs SET valeur = (SELECT valeur FROM champs WHERE bilan_id = ? AND "
                     "champ = 'projet') WHERE bilan_id = ?", (first, second))
        victim, command = second, ("show", second)
    elif move == "damaged":   # one byte of the ciphertext changed
        (value,) = conn.execute("SELECT valeur FROM champs WHERE bilan_id = ? AND champ = 'projet'",
                                (first,)).fetchone()
        damaged = value[:-1] + bytes([value[-1] ^ 1])
        conn.execute("UPDATE champs SET valeur = ? WHERE bilan_id = ? AND champ = 'projet'", (damaged, first))
        victim, command = first, ("show", first)
    else:   # the entretien's notes as the field's value
        conn.execute("UPDATE champs SET valeur = (SELECT notes FROM entretiens WHERE bilan_id = ?) "
                     "WHERE bilan_id = ?", (first, first))
        victim, command = first, ("show", first)
    conn.commit()
    conn.close()
    before = bilan.db_bytes()
    for args in (command, ("export", victim), ("set", victim, "objectifs", "relu")):
        result = bilan(*args, code=1)
        assert result.key == "CONTENU_ENDOMMAGE", result.stderr
        assert "Ce que Claire" not in result.stdout + result.stderr
        assert "Traceback" not in result.stderr and "Erreur inattendue" not in result.stderr
    assert bilan.db_bytes() == before
    assert not (bilan.home / "documents").exists()


@pytest.mark.parametrize("move", ["entretiens", "documents"])
def test_a_sealed_value_moved_to_another_row_of_the_bilan_does_not_open(bilan, tmp_path, move):
    """Bound to the row where its key is stable (`scellement.ROW_KEYS`): the entretien's and
    the document's id, not only the bilan and the column."""
    bid = bilan.new()
    bilan("consent", bid, "bilan", "--date", "2026-03-02")
    for text in ("Notes du premier", "Notes du second"):
        bilan("entretien", "add", bid, "--date", "2026-03-02", "--duree", "1h", "--notes", text)
    for name in ("premier", "second"):
        stored = tmp_path / f"{name}.pdf"
        stored.write_bytes(f"%PDF-1.4 {name}".encode())
        bilan("doc", "add", bid, stored, "--type", "test", "--titre", f"Titre {name}")
    column = "notes" if move == "entretiens" else "contenu"
    conn = sqlite3.connect(bilan.home / "bilans.db")
    first, second = conn.execute(f"SELECT id FROM {move} WHERE bilan_id = ? ORDER BY id", (bid,)).fetchall()
    conn.execute(f"UPDATE {move} SET {column} = (SELECT {column} FROM {move} WHERE id = ?) WHERE id = ?",
                 (first[0], second[0]))
    conn.commit()
    conn.close()
    before = bilan.db_bytes()
    refused = bilan("export", bid, code=1)
    assert refused.key == "CONTENU_ENDOMMAGE", refused.stderr
    assert "premier" not in refused.stdout + refused.stderr
    if move == "documents":
        assert bilan("doc", "get", bid, str(second[0]), code=1).key == "CONTENU_ENDOMMAGE"
        assert bilan("doc", "get", bid, str(first[0])).stdout_bytes == b"%PDF-1.4 premier"
    assert bilan.db_bytes() == before
    assert not (bilan.home / "documents").exists()


# A store of the previous version: its content in clear, no `chiffrement` table.
OLD = [("champs.valeur", "CHAMP"), ("entretiens.notes", "ENTRETIEN"), ("suivis.notes", "SUIVI"),
       ("documents.contenu", "DOC"), ("documents.titre", "TITRE"), ("synthese", "SYNTHDOC"),
       ("rdv.motif", "MOTIFRDV"), ("satisfactions.commentaire", "AVIS"),
       ("corrections.motif", "MOTIFCORR")]


def previous_version(home: Path) -> tuple[str, str, list[str]]:
    """A store as the version before SPEC §15 left it: every sealed column written in clear
    by the store's own writers, then its schema taken back to before `0011_chiffrement`."""
    from purge_helpers import make_ended_bilan, marker

    bid = make_ended_bilan(home, "OLD", end=date(2026, 2, 1), consents=("conservation",))
    planted = [marker("OLD", kind) for _, kind in OLD]
    with writing(home) as conn:
        other = records.create(conn, opened_on=date(2026, 1, 5), admin={"nom": "Durand", "prenom": "Luc"})
        records.enter_phase(conn, other, "abandonne", date(2026, 2, 1), date_fin=date(2026, 2, 1),
                            motif=mark("bilans.motif_abandon"))
        records.apply(conn, records.ch.SuiviHeld(other, date(2026, 2, 1), None, True, mark("suivis.motif")))
        records.add_document(conn, other, type_="cv", titre="CV", content=b"x",
                             filename=mark("documents.nom_fichier"), phase="preliminaire",
                             on=date(2026, 1, 6))
    planted += [mark("bilans.motif_abandon"), mark("suivis.motif"), mark("documents.nom_fichier")]
    conn = sqlite3.connect(home / "bilans.db")
    conn.execute("DROP TABLE chiffrement")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0011_chiffrement'")
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    return bid, other, planted


def test_a_store_of_the_previous_version_is_sealed_by_the_first_command_that_writes(bilan):
    bid, other, planted = previous_version(bilan.home)
    for table, column in registry.sealed_columns():   # every sealed column is in clear here
        assert any(not cipher.is_sealed(v) for v in raw(bilan.home, table, column)), (table, column)
    assert set(found_in(bilan.home, planted)) == set(planted)     # the scan can fail
    config = Path(os.environ["XDG_CONFIG_HOME"])
    before = bilan.db_bytes()
    # A command that only reads writes nothing: neither the store nor a key.
    assert bilan.json("show", bid)["champs"]["demande"].startswith("QZXOLD")
    assert bilan.db_bytes() == before and not (config / "bilancli").exists()
    # A command refused inside its transaction (the bilan has ended) makes no key either
    # (the schema is brought up to date first, in a transaction of its own, as ever).
    assert bilan("abandon", bid, code=1).key
    assert not (config / "bilancli").exists()

    bilan("consent", other, "bilan", "--date", "2026-01-05")   # the first command that writes

    for table, column in registry.sealed_columns():
        values = raw(bilan.home, table, column)
        assert values and all(cipher.is_sealed(v) for v in values), (table, column)
    assert found_in(bilan.home, planted) == {}
    assert not (bilan.home / "bilans.db-journal").exists()
    assert not list((config / "bilancli").rglob("*.db-journal"))
    # What it held reads back, each through its command.
    shown = bilan.json("show", bid)
    assert shown["champs"]["demande"] == "QZXOLDCHAMPXZQ"
    assert [c["motif"] for c in shown["corrections"]] == ["QZXOLDMOTIFCORRXZQ"]
    docs = {d["type"]: d for d in bilan.json("doc", "list", bid)}
    assert docs["test"]["titre"] == "QZXOLDTITREXZQ"
    assert bilan("doc", "get", bid, str(docs["test"]["id"])).stdout_bytes == b"QZXOLDDOCXZQ" * 50
    assert bilan("doc", "get", bid, str(docs["synthese"]["id"])).stdout_bytes == b"QZXOLDSYNTHDOCXZQ"
    data = _exported(bilan, bid)
    assert data["entretiens"][0]["notes"] == "QZXOLDENTRETIENXZQ"
    assert data["rdv"][0]["motif"] == "QZXOLDMOTIFRDVXZQ"
    assert data["commentaires_satisfaction"] == {"fin": "QZXOLDAVISXZQ"}
    assert data["suivi"]["notes"] == "QZXOLDSUIVIXZQ"
    other_data = _exported(bilan, other)
    assert other_data["motif_abandon"] == mark("bilans.motif_abandon")
    assert other_data["suivi"]["motif"] == mark("suivis.motif")
    (stored,) = other_data["documents"]
    assert stored["fichier"].endswith(mark("documents.nom_fichier"))
    # The synthèse went under its own key.
    store = Store(bilan.home, create=False)
    try:
        assert f"{bid}/synthese" in store.keys.kept()
    finally:
        store.close()


def test_an_editor_draft_goes_to_the_runtime_folder_only_when_it_is_the_users_alone(tmp_path, monkeypatch):
    from bilancli.store.dossier import drafts

    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    run = tmp_path / "run"
    run.mkdir()
    os.chmod(run, 0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run))
    assert drafts.private_runtime() == str(run)
    draft = drafts.Draft(str(home), "demande")
    try:
        assert Path(draft.path).parent.parent == run / drafts.RUNTIME_FOLDER
        assert not (home / drafts.FOLDER).exists()
    finally:
        draft.destroy()
    assert not (run / drafts.RUNTIME_FOLDER).exists()
    link = tmp_path / "lien"
    link.symlink_to(run)
    for where in (str(link), "run", str(tmp_path / "absent")):
        monkeypatch.setenv("XDG_RUNTIME_DIR", where)
        assert drafts.private_runtime() is None, where
    os.chmod(run, 0o755)   # open to others: not private
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(run))
    assert drafts.private_runtime() is None
    draft = drafts.Draft(str(home), "demande")   # the place of before, said as a limit
    try:
        assert Path(draft.path).parent.parent == home / drafts.FOLDER
    finally:
        draft.destroy()


def test_what_needs_no_content_opens_nothing(bilan, tmp_path, monkeypatch):
    """Summaries, the agenda and the statistics read no sealed value: with every key gone
    they still work; `show` needs the content and is refused, nothing written."""
    import shutil

    every_column_written(bilan, tmp_path)
    config = Path(os.environ["XDG_CONFIG_HOME"])
    shutil.move(config / "bilancli", tmp_path / "cles-ailleurs")
    before = bilan.db_bytes()
    for args in (("list", "--tous"), ("agenda",), ("stats",), ("list", "--json")):
        bilan(*args)
    refused = bilan("show", "2026-001", code=1)
    assert refused.key and "QZS" not in refused.stdout + refused.stderr
    assert bilan.db_bytes() == before


def test_the_purge_as_the_first_command_after_an_upgrade_leaves_nothing_in_clear(bilan):
    from purge_helpers import CONTENT_KINDS, make_ended_bilan, marker

    gone = make_ended_bilan(bilan.home, "GONE", end=date(2026, 2, 1))
    kept, other, planted = previous_version(bilan.home)
    kept_markers = [p for p in planted if "OLD" in p]
    assert kept_markers and set(found_in(bilan.home, kept_markers)) == set(kept_markers)
    planned = bilan.json("purge", "--dry-run")   # reads only: the purge is still the first write
    assert gone in [b["id"] for b in planned["bilans"]]
    assert kept not in [b["id"] for b in planned["bilans"]]

    done = bilan.json("purge", "--yes")

    def counts(report):
        return {b["id"]: {k: v for k, v in b.items() if k not in ("simulation", "date")}
                for b in report["bilans"]}
    assert counts(done) == counts(planned)   # the consultant's bytes, as the plan said
    # No marker of the bilan kept in clear in any file bilan keeps, nor of the one purged.
    assert found_in(bilan.home, kept_markers) == {}
    purged = [marker("GONE", kind) for kind in CONTENT_KINDS]
    everywhere = b"".join(p.read_bytes() for p in bilan.home.rglob("*") if p.is_file())
    assert [m for m in purged if m.encode() in everywhere] == []   # renders included
    for table, column in registry.sealed_columns():
        assert all(cipher.is_sealed(v) for v in raw(bilan.home, table, column)), (table, column)
    # The bilan kept reads back.
    assert bilan.json("show", kept)["champs"]["demande"] == "QZXOLDCHAMPXZQ"
    assert _exported(bilan, kept)["entretiens"][0]["notes"] == "QZXOLDENTRETIENXZQ"
