"""Crypto-shredding (SPEC §15): the purge destroys a bilan's data keys before its content, so
that every copy of that content, wherever it is, is noise from then on."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from purge_helpers import make_ended_bilan, marker
from sealing import destroyed_keys, kept_keys, keys_file, open_value, seal_store

import bilancli
from bilancli.core.conservation import retention
from bilancli.errors import BilanError
from bilancli.store.cles import cipher
from bilancli.store.cles.trousseau import Keys


def sealed_rows(home, bid: str) -> dict[str, list]:
    """Some sealed values of a bilan, read straight from the file: (table, column) → values."""
    conn = sqlite3.connect(home / "bilans.db")
    try:
        return {
            ("champs", "valeur"): [r[0] for r in conn.execute(
                "SELECT valeur FROM champs WHERE bilan_id = ?", (bid,))],
            ("documents", "contenu"): [r[0] for r in conn.execute(
                "SELECT contenu FROM documents WHERE bilan_id = ? AND type != 'synthese'", (bid,))],
            ("documents", "synthese"): [r[0] for r in conn.execute(
                "SELECT contenu FROM documents WHERE bilan_id = ? AND type = 'synthese'", (bid,))],
        }
    finally:
        conn.close()


def refusal(home, table, column, bid, value, group=None) -> str:
    with pytest.raises(BilanError) as refused:
        open_value(home, table, column, bid, value, group=group)
    return refused.value.key


def test_the_groups_of_keys_a_deadline_makes_due():
    settings = retention.Settings(12, 60)
    end = date(2026, 1, 10)
    plain = retention.schedule(retention.Facts(date_fin=end), settings)
    cep = retention.schedule(retention.Facts(date_fin=end, cep=True), settings)
    agreement = retention.schedule(retention.Facts(date_fin=end, conservation=True), settings)
    due = lambda deadlines, on: tuple(d for d in deadlines if d.due_on <= on)  # noqa: E731
    assert retention.keys_due(due(plain, end)) == (None, "synthese")
    assert retention.keys_due(due(cep, end)) == (None,)          # exception A keeps the synthèse's
    assert retention.keys_due(due(cep, date(2027, 1, 10))) == (None, "synthese")
    assert retention.keys_due(due(agreement, end)) == ()           # exception B keeps both
    assert retention.keys_due(due(agreement, date(2027, 1, 10))) == (None, "synthese")


def test_the_purge_destroys_the_keys_then_the_content_and_a_copy_taken_before_is_noise(bilan, tmp_path):
    gone = make_ended_bilan(bilan.home, "GONE", end=date(2026, 2, 1))
    kept = make_ended_bilan(bilan.home, "KEEP", end=date(2026, 2, 1), consents=("conservation",))
    seal_store(bilan.home)
    assert {gone, f"{gone}/synthese", kept, f"{kept}/synthese"} <= kept_keys(bilan.home)
    copy = tmp_path / "copie"
    shutil.copytree(bilan.home, copy)
    before = {bid: sealed_rows(copy, bid) for bid in (gone, kept)}

    bilan("purge", "--yes")

    assert kept_keys(bilan.home) == {kept, f"{kept}/synthese"}
    assert destroyed_keys(bilan.home) == {gone: "2026-03-02", f"{gone}/synthese": "2026-03-02"}
    # The copy: its content of the purged bilan no longer opens, and says why.
    (champ, *_) = before[gone][("champs", "valeur")]
    assert cipher.is_sealed(champ)
    assert refusal(copy, "champs", "valeur", gone, champ) == "CLE_BILAN_DETRUITE"
    (synthese,) = before[gone][("documents", "synthese")]
    assert refusal(copy, "documents", "contenu", gone, synthese, "synthese") == "CLE_BILAN_DETRUITE"
    # The bilan kept opens from the copy as before.
    values = {open_value(copy, "champs", "valeur", kept, v) for v in before[kept][("champs", "valeur")]}
    assert marker("KEEP", "CHAMP") in values
    (kept_synthese,) = before[kept][("documents", "synthese")]
    assert open_value(copy, "documents", "contenu", kept, kept_synthese, "synthese") == \
        marker("KEEP", "SYNTHDOC").encode()


def test_exception_a_keeps_the_synthese_key_until_its_own_day(bilan, tmp_path):
    bid = make_ended_bilan(bilan.home, "CEP", end=date(2026, 2, 1), consents=("cep",))
    seal_store(bilan.home)
    copy = tmp_path / "copie"
    shutil.copytree(bilan.home, copy)
    (synthese,) = sealed_rows(copy, bid)[("documents", "synthese")]
    (document,) = sealed_rows(copy, bid)[("documents", "contenu")]

    bilan("purge", "--yes")
    assert kept_keys(bilan.home) == {f"{bid}/synthese"}
    assert refusal(copy, "documents", "contenu", bid, document) == "CLE_BILAN_DETRUITE"
    assert open_value(copy, "documents", "contenu", bid, synthese, "synthese") == \
        marker("CEP", "SYNTHDOC").encode()

    bilan.today("2027-02-01")
    bilan("purge", "--yes")
    assert kept_keys(bilan.home) == set()
    assert refusal(copy, "documents", "contenu", bid, synthese, "synthese") == "CLE_BILAN_DETRUITE"
    assert destroyed_keys(bilan.home) == {bid: "2026-03-02", f"{bid}/synthese": "2027-02-01"}


def test_the_purge_log_counts_the_consultants_bytes_not_the_ciphers(bilan, tmp_path, monkeypatch):
    def logged(home):
        conn = sqlite3.connect(home / "bilans.db")
        try:
            return sorted(conn.execute("SELECT nature, nombre, octets, regle FROM purges"))
        finally:
            conn.close()

    clear = tmp_path / "clair"
    make_ended_bilan(clear, "LOG", end=date(2026, 2, 1))
    monkeypatch.setenv("BILAN_HOME", str(clear))
    bilan("purge", "--yes")
    monkeypatch.setenv("BILAN_HOME", str(bilan.home))
    make_ended_bilan(bilan.home, "LOG", end=date(2026, 2, 1))
    seal_store(bilan.home)
    report = bilan.json("purge", "--yes")
    assert logged(bilan.home) == logged(clear)
    went = {d["nature"]: d["octets"] for d in report["bilans"][0]["destructions"]}
    assert went["champs"] == len(marker("LOG", "CHAMP")) * 2 + len("projet ")
    assert went["notes_entretien"] == len(marker("LOG", "ENTRETIEN"))


def test_a_dry_run_never_opens_the_store_of_keys(bilan, monkeypatch):
    bid = make_ended_bilan(bilan.home, "DRY", end=date(2026, 2, 1))
    seal_store(bilan.home)

    def refused(*args, **kwargs):
        raise AssertionError("the store of keys was opened")

    with monkeypatch.context() as patched:
        patched.setattr(Keys, "_opened", refused)
        report = bilan.json("purge", "--dry-run")
    assert [b["id"] for b in report["bilans"]] == [bid]
    assert {bid, f"{bid}/synthese"} <= kept_keys(bilan.home)


def test_the_purge_destroys_keys_even_without_the_master_key(bilan):
    bid = make_ended_bilan(bilan.home, "SANS", end=date(2026, 2, 1))
    seal_store(bilan.home)
    master = Path(keys_file(bilan.home)).with_name("cle")
    assert master.exists()
    master.unlink()
    bilan("purge", "--yes")
    assert kept_keys(bilan.home) == set()
    assert set(destroyed_keys(bilan.home)) == {bid, f"{bid}/synthese"}


KILLED_AFTER_THE_KEYS = """
import os, sys
from bilancli.store.cles import trousseau
destroy = trousseau.Keys.destroy
def then_die(self, names, on, kept_only=False):
    destroyed = destroy(self, names, on, kept_only)
    if not kept_only:   # the batch's keys, its content next
        os._exit(137)
    return destroyed
trousseau.Keys.destroy = then_die
from bilancli.cli import main
main(sys.argv[1:])
"""


def test_a_purge_killed_between_the_keys_and_the_content_is_finished_by_the_next(bilan):
    bid = make_ended_bilan(bilan.home, "KILL", end=date(2026, 2, 1))
    seal_store(bilan.home)
    src = Path(bilancli.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(src)}
    died = subprocess.run([sys.executable, "-c", KILLED_AFTER_THE_KEYS, "purge", "--yes"],
                          env=env, capture_output=True, text=True)
    assert died.returncode == 137, died.stderr
    # It died where aimed: the keys gone, the content still there, sealed.
    assert kept_keys(bilan.home) == set()
    rows = sealed_rows(bilan.home, bid)
    assert rows[("champs", "valeur")] and all(cipher.is_sealed(v) for v in rows[("champs", "valeur")])

    report = bilan.json("purge", "--yes")
    (entry,) = report["bilans"]
    assert entry["id"] == bid
    went = {d["nature"]: d["octets"] for d in entry["destructions"]}
    assert went["champs"] == len(marker("KILL", "CHAMP")) * 2 + len("projet ")
    assert sealed_rows(bilan.home, bid) == {k: [] for k in rows}
    assert bilan.json("purge", "--yes")["bilans"] == []


def test_a_backups_older_facts_never_destroy_a_key_the_store_still_keeps(bilan, tmp_path):
    disk = tmp_path / "disque"
    disk.mkdir()
    bilan.home.mkdir(parents=True, exist_ok=True)
    (bilan.home / "config.toml").write_text(f'[sauvegarde]\ndossier = "{disk}"\n', encoding="utf-8")
    bid = make_ended_bilan(bilan.home, "LATE", end=date(2026, 2, 1))
    seal_store(bilan.home)
    bilan("sauvegarde")                       # before the written agreement was recorded
    # Exception B, recorded late but dated before the end: the store keeps everything.
    bilan("consent", bid, "conservation", "--date", "2026-01-20")
    (saved,) = bilan.json("purge", "--yes")["sauvegardes"]
    assert saved["bilans"] == [bid]            # the backup's own facts made its content due
    assert {bid, f"{bid}/synthese"} <= kept_keys(bilan.home)
    (champ, *_) = sealed_rows(bilan.home, bid)[("champs", "valeur")]
    assert open_value(bilan.home, "champs", "valeur", bid, champ) in {
        marker("LATE", "CHAMP"), "projet " + marker("LATE", "CHAMP")}


def test_a_bilan_deleted_loses_its_keys(bilan, tmp_path):
    kept = bilan.new(nom="Durand")
    typo = bilan.new(nom="Erreur")
    bilan("set", typo, "demande", "ZQXDEMANDEXZQ")
    bilan("set", kept, "demande", "ZQXGARDEXZQ")
    seal_store(bilan.home)
    copy = tmp_path / "copie"
    shutil.copytree(bilan.home, copy)
    (value,) = sealed_rows(copy, typo)[("champs", "valeur")]
    bilan("delete", typo, "--yes")
    assert kept_keys(bilan.home) == {kept}
    assert refusal(copy, "champs", "valeur", typo, value) == "CLE_BILAN_DETRUITE"


def test_a_refused_delete_destroys_no_key(bilan):
    bid = bilan.new(nom="Durand", *("--date", "2026-02-02"))
    bilan("set", bid, "demande", "ZQXGARDEXZQ")
    bilan("entretien", "add", bid, "--date", "2026-02-03", "--duree", "1h")
    seal_store(bilan.home)
    assert bilan("delete", bid, "--yes", code=1).key == "SUPPRESSION_REFUSEE"
    assert kept_keys(bilan.home) == {bid}


def test_a_key_made_again_after_the_purge_never_passes_a_copys_content_for_damaged(bilan, tmp_path):
    bid = make_ended_bilan(bilan.home, "AGAIN", end=date(2026, 2, 1))
    seal_store(bilan.home)
    copy = tmp_path / "copie"
    shutil.copytree(bilan.home, copy)
    (champ, *_) = sealed_rows(copy, bid)[("champs", "valeur")]
    bilan("purge", "--yes")
    bilan("suivi", bid, "--date", "2026-03-02", "--notes", "Notes après la purge")
    seal_store(bilan.home)                     # the note sealed under a key made anew
    assert bid in kept_keys(bilan.home)
    assert refusal(copy, "champs", "valeur", bid, champ) == "CLE_BILAN_DETRUITE"


def test_a_key_brought_back_after_the_purge_goes_at_the_next_even_with_nothing_else_due(bilan, tmp_path):
    bid = make_ended_bilan(bilan.home, "BACK", end=date(2026, 2, 1))
    kept = make_ended_bilan(bilan.home, "STAY", end=date(2026, 2, 1), consents=("conservation",))
    seal_store(bilan.home)
    saved = tmp_path / "trousseau-avant.db"
    shutil.copyfile(keys_file(bilan.home), saved)     # what a recovery file made before holds
    bilan("purge", "--yes")
    assert bid not in kept_keys(bilan.home)
    # Installed again (as `cle restaure` of an old recovery file would).
    conn = sqlite3.connect(keys_file(bilan.home))
    with conn:
        conn.execute("ATTACH DATABASE ? AS avant", (str(saved),))
        conn.execute("INSERT INTO cles SELECT * FROM avant.cles WHERE bilan_id LIKE ?", (f"{bid}%",))
    conn.close()
    assert {bid, f"{bid}/synthese"} <= kept_keys(bilan.home)
    bilan.today("2026-03-09")
    assert bilan.json("purge", "--yes")["bilans"] == []     # nothing else to do
    assert kept_keys(bilan.home) == {kept, f"{kept}/synthese"}
    assert destroyed_keys(bilan.home)[bid] == "2026-03-02"  # the first destruction's day stays


def test_the_purge_names_the_synthese_key_as_the_store_seals_under_it():
    from bilancli.store import scellement

    assert retention.SYNTHESIS_KEY == scellement.SYNTHESE


def test_a_restore_destroys_the_keys_of_what_its_backup_was_purged_of(bilan, tmp_path, monkeypatch):
    """The backup's copy purged before the swap: the keys of what went are destroyed too,
    else every copy taken before (a synced folder) stays readable and the purge that follows
    finds nothing to do (found by the re-probe)."""
    bilan.today("2026-01-05")
    bid = bilan.new("--financement", "personnel")
    bilan("set", bid, "demande", "QZXRESTAUREXZQ")
    bilan.today("2026-01-06")
    bilan("abandon", bid, "--date", "2026-01-06", "--motif", "x")
    saves = tmp_path / "sauvegarde"
    saves.mkdir()
    bilan("sauvegarde", "-o", saves)
    synced = tmp_path / "synchronise"
    shutil.copytree(bilan.home, synced)
    bilan.today("2026-03-01")
    (backup,) = list(saves.iterdir())
    out = bilan("restaure", backup, "--yes").stdout
    assert "purgée de 1 bilan(s)" in out
    monkeypatch.setenv("BILAN_HOME", str(synced))
    assert bilan("show", bid, code=1).key == "CLE_BILAN_DETRUITE"
