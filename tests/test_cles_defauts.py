"""The key side's defects found by the adversarial probe and the simulated month (SPEC §15):
each test fails on the code before its fix."""

from __future__ import annotations

import os
import shutil

import pytest

from bilancli.store.cles import secours
from bilancli.store.db import Store

PHRASE = "une phrase assez longue"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    monkeypatch.setattr(secours, "SCRYPT_N", 2 ** 14)


def store_id(home) -> str:
    store = Store(str(home), create=False)
    try:
        return store.keys.state.store_id
    finally:
        store.close()


def key_folder(home) -> str:
    return os.path.join(os.environ["XDG_CONFIG_HOME"], "bilancli", "magasins", store_id(home))


def tree(folder) -> dict:
    out = {}
    for where, _, names in os.walk(folder):
        for n in names:
            with open(os.path.join(where, n), "rb") as f:
                out[os.path.join(where, n)] = f.read()
    return out


def written(bilan, text="SECRETZQX") -> str:
    bid = bilan.new()
    bilan("set", bid, "demande", text)
    return bid


# --- 1. a purge that cannot find the key store destroys nothing -------------------------

@pytest.mark.parametrize("command", [("purge", "--yes"), ("delete", "{id}", "--yes")])
def test_a_purge_or_delete_without_the_key_store_destroys_nothing(bilan, tmp_path, monkeypatch,
                                                                   command):
    bid = written(bilan)
    bilan("abandon", bid, "--motif", "M")
    config = os.environ["XDG_CONFIG_HOME"]
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "ailleurs"))   # cron, sudo
    expected = os.path.join(key_folder(bilan.home), "trousseau.db")
    before = tree(bilan.home)
    done = bilan(*(a.format(id=bid) for a in command), code=1)
    # `delete` reads the bilan first: refused as it cannot be read.
    assert done.key in ("TROUSSEAU_ABSENT_DESTRUCTION", "TROUSSEAU_ABSENT")
    assert expected in done.stderr
    assert tree(bilan.home) == before
    monkeypatch.setenv("XDG_CONFIG_HOME", config)
    assert bilan.json("show", bid)["champs"]["demande"] == "SECRETZQX"


# --- 3. a copy of the data folder never destroys the live store's keys --------------------

def test_a_copy_of_the_data_folder_cannot_destroy_the_live_stores_keys(bilan, tmp_path, monkeypatch):
    bid = written(bilan)
    copy = tmp_path / "essai"
    shutil.copytree(bilan.home, copy)
    config = tree(os.path.dirname(key_folder(bilan.home)))
    monkeypatch.setenv("BILAN_HOME", str(copy))
    before = tree(copy)
    done = bilan("delete", bid, "--yes", code=1)
    assert done.key == "CLE_DOSSIER_COPIE"
    assert str(copy) in done.stderr and os.path.realpath(bilan.home) in done.stderr
    assert tree(copy) == before and tree(os.path.dirname(key_folder(bilan.home))) == config
    assert bilan.json("show", bid)["champs"]["demande"] == "SECRETZQX"   # reading a copy: allowed
    bilan.today("2030-01-01")
    bilan("abandon", bid, "--motif", "M")   # a new key from a copy: allowed
    assert bilan("purge", "--yes", code=1).key == "CLE_DOSSIER_COPIE"
    monkeypatch.setenv("BILAN_HOME", str(bilan.home))
    assert bilan.json("show", bid)["champs"]["demande"] == "SECRETZQX"


def test_a_data_folder_moved_keeps_its_keys_and_can_purge(bilan, tmp_path, monkeypatch):
    bid = written(bilan)
    moved = tmp_path / "deplace"
    shutil.move(bilan.home, moved)
    monkeypatch.setenv("BILAN_HOME", str(moved))
    bilan("delete", bid, "--yes")
    assert bilan.json("list") == []
    other = written(bilan, "AUTRE")
    copy = tmp_path / "copie"
    shutil.copytree(moved, copy)
    monkeypatch.setenv("BILAN_HOME", str(copy))
    assert bilan("delete", other, "--yes", code=1).key == "CLE_DOSSIER_COPIE"   # adopted: moved


def test_the_purge_of_the_backups_still_works(bilan, tmp_path):
    bid = written(bilan)
    saves = tmp_path / "sauvegardes"
    saves.mkdir()
    (bilan.home / "config.toml").write_text(f'[sauvegarde]\ndossier = "{saves}"\n')
    bilan("sauvegarde")
    bilan("abandon", bid, "--motif", "M")
    done = bilan.json("purge", "--yes")
    assert done["sauvegardes"], done
    bilan("purge", "--yes")


# --- 2. (test_cles: a key ring that keeps the key for this process only) ------------------

# --- 7. a read never makes a key store -----------------------------------------------------

def test_an_empty_key_store_is_refused_by_a_read_never_rebuilt(bilan):
    bid = written(bilan)
    path = os.path.join(key_folder(bilan.home), "trousseau.db")
    open(path, "wb").close()
    before = tree(bilan.home)
    done = bilan("show", bid, code=1)
    assert done.key == "TROUSSEAU_ILLISIBLE" and "vide" in done.stderr
    assert os.path.getsize(path) == 0 and tree(bilan.home) == before


# --- 8. a key made in the file BILAN_CLE named, opened without it ----------------------------

def test_a_store_set_up_with_bilan_cle_opened_without_it_says_so(bilan, tmp_path, monkeypatch):
    monkeypatch.setenv("BILAN_CLE", str(tmp_path / "usb-cle"))
    bid = written(bilan)
    monkeypatch.delenv("BILAN_CLE")
    done = bilan("show", bid, code=1)
    assert done.key == "CLE_ABSENTE"
    assert "BILAN_CLE" in done.stderr and "n'est pas défini" in done.stderr
    assert "magasins" not in done.stderr
    etat = bilan("cle", "etat")
    assert "BILAN_CLE" in etat.stdout and "magasins" not in etat.stdout


# --- 4. `cle secours` racing a purge ---------------------------------------------------------

def test_a_key_destroyed_while_the_recovery_file_is_written_makes_it_stale(bilan, typed, tmp_path,
                                                                           monkeypatch):
    bid = written(bilan)
    other = written(bilan, "AUTRE")
    packed = secours.pack

    def pack_while_purging(store_id, keys, *args, **kw):
        data = packed(store_id, keys, *args, **kw)
        purge = Store(str(bilan.home))   # another command destroys a key meanwhile
        try:
            purge.keys.destroy([other], "2026-03-02")
        finally:
            purge.close()
        return data

    monkeypatch.setattr(secours, "pack", pack_while_purging)
    typed[:] = [PHRASE, PHRASE]
    done = bilan("cle", "secours", "-o", tmp_path / "s.bilancle", terminal=True)
    assert "périmé" in done.stderr
    assert bilan.json("cle", "etat")["secours_perime"] is True
    assert bid


# --- 5. `cle secours -o` never overwrites a file that is not one of this store's ------------

def test_an_existing_file_is_never_overwritten_by_a_recovery_file(bilan, typed, tmp_path):
    written(bilan)
    odt = tmp_path / "rapport.odt"
    odt.write_bytes(b"PK\x03\x04 un document")
    typed[:] = [PHRASE, PHRASE]
    done = bilan("cle", "secours", "-o", odt, terminal=True, code=1)
    assert done.key == "SECOURS_FICHIER_EXISTE"
    assert odt.read_bytes() == b"PK\x03\x04 un document" and typed == [PHRASE, PHRASE]
    target = tmp_path / "s.bilancle"
    bilan("cle", "secours", "-o", target, terminal=True)
    first = target.read_bytes()
    typed[:] = [PHRASE, PHRASE]
    done = bilan("cle", "secours", "-o", target, terminal=True)
    assert "remplacé" in done.stdout and target.read_bytes() != first
    assert "12 caractères" in done.stderr   # said before the passphrase is typed


# --- 9. a full configuration disk ------------------------------------------------------------

class _FullDisk:
    """`sqlite3` as the key store sees it on a full disk: its first table cannot be made."""

    def __init__(self):
        import sqlite3

        self._real = sqlite3

    def __getattr__(self, name):
        return getattr(self._real, name)

    def connect(self, *args, **kw):
        real = self._real.connect(*args, **kw)
        sqlite3 = self._real

        class Full:
            def execute(self, sql, *rest):
                if sql.startswith("CREATE TABLE"):
                    exc = sqlite3.OperationalError("database or disk is full")
                    exc.sqlite_errorcode = sqlite3.SQLITE_FULL
                    raise exc
                return real.execute(sql, *rest)

            def __getattr__(self, name):
                return getattr(real, name)

        return Full()


def test_a_full_configuration_disk_is_said_and_the_failed_set_up_leaves_nothing(bilan, monkeypatch):
    from bilancli.store.cles import trousseau

    monkeypatch.setattr(trousseau, "sqlite3", _FullDisk())
    done = bilan("new", "--nom", "Martin", "--prenom", "Claire", code=1)
    assert done.key == "TROUSSEAU_DISQUE_PLEIN" and "plein" in done.stderr
    magasins = os.path.join(os.environ["XDG_CONFIG_HOME"], "bilancli", "magasins")
    assert not os.path.exists(magasins) or os.listdir(magasins) == []
    monkeypatch.setattr(trousseau, "sqlite3", __import__("sqlite3"))
    assert bilan.json("list") == []


# --- 10. what the consultant reads ----------------------------------------------------------

def test_the_words_of_the_key_side(bilan, typed, tmp_path, monkeypatch):
    from bilancli import messages as msg

    bid = written(bilan)
    assert "SPEC" not in msg.CLE_DANS_DONNEES
    assert "bilan cle secours -o FICHIER" in msg.A_FAIRE["cle_secours"]
    typed[:] = [PHRASE, PHRASE]
    made = bilan("cle", "secours", "-o", tmp_path / "s.bilancle", terminal=True)
    assert "clé(s) de données" in made.stdout
    bilan("delete", bid, "--yes")
    typed[:] = [PHRASE]
    done = bilan("cle", "restaure", tmp_path / "s.bilancle", terminal=True)
    assert "clé(s) de données" in done.stdout
    store = Store(str(bilan.home))
    try:
        from bilancli.errors import BilanError

        with pytest.raises(BilanError) as refused:
            store.keys.key(bid)
    finally:
        store.close()
    assert "02/03/2026" in refused.value.message and "R6313-7" not in refused.value.message
    os.unlink(os.path.join(key_folder(bilan.home), "cle"))
    etat = bilan("cle", "etat")
    assert "(introuvable)" in etat.stdout and "Avertissement : ce qui manque" in etat.stderr
    (bilan.home / "config.toml").write_text('[chiffrement]\ncle = "cles/bilan.cle"\n')
    refused = bilan("cle", "etat", code=1)
    assert "d'un fichier" in refused.stderr and "dossier" not in refused.stderr.split("doit")[1]


# --- 6. a lost master key, named on a USB key ------------------------------------------------

def test_a_lost_usb_master_key_is_recovered_and_a_failed_rebuild_puts_everything_back(
        bilan, typed, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    (bilan.home).mkdir()
    (bilan.home / "config.toml").write_text(f'[chiffrement]\ncle = "{usb / "bilan.cle"}"\n')
    bid = written(bilan)
    target = tmp_path / "s.bilancle"
    typed[:] = [PHRASE, PHRASE]
    bilan("cle", "secours", "-o", target, terminal=True)
    shutil.rmtree(usb)   # the USB key lost
    assert bilan("show", bid, code=1).key == "CLE_ABSENTE"
    folder = os.path.dirname(key_folder(bilan.home))
    before, store_before = tree(folder), bilan.db_bytes()
    typed[:] = [PHRASE]
    done = bilan("cle", "restaure", target, terminal=True, code=1)   # still named: not made on the laptop
    assert done.key == "CLE_DOSSIER_ABSENT"
    assert tree(folder) == before and bilan.db_bytes() == store_before
    (bilan.home / "config.toml").write_text("")
    typed[:] = [PHRASE]
    bilan("cle", "restaure", target, terminal=True)
    assert bilan.json("show", bid)["champs"]["demande"] == "SECRETZQX"


def test_a_copy_never_takes_the_keys_of_a_live_folder_it_cannot_read(bilan, tmp_path, monkeypatch):
    """The original folder closed to this command (its store cannot be looked at): taken as
    still holding the store, never as moved — a copy's purge destroyed the live keys."""
    bid = written(bilan)
    copy = tmp_path / "essai"
    shutil.copytree(bilan.home, copy)
    real_stat = os.stat

    def closed(path, *args, **kwargs):
        if os.fspath(path) == os.path.join(str(bilan.home), "bilans.db"):
            raise PermissionError(13, "Permission denied", path)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", closed)
    monkeypatch.setenv("BILAN_HOME", str(copy))
    assert bilan("delete", bid, "--yes", code=1).key == "CLE_DOSSIER_COPIE"
    monkeypatch.setattr(os, "stat", real_stat)
    monkeypatch.setenv("BILAN_HOME", str(bilan.home))
    assert bilan.json("show", bid)["champs"]["demande"] == "SECRETZQX"


def test_a_key_store_rebuilt_from_a_copy_still_serves_the_original(bilan, typed, tmp_path, monkeypatch):
    """The master key lost, the recovery file restored from a copy of the data folder: the
    rebuilt key store still serves the original folder, which keeps its purge; the copy
    cannot destroy its keys."""
    bid = written(bilan)
    target = tmp_path / "secours.bilancle"
    typed[:] = [PHRASE, PHRASE]
    bilan("cle", "secours", "-o", target, terminal=True)
    copy = tmp_path / "copie"
    shutil.copytree(bilan.home, copy)
    os.unlink(os.path.join(key_folder(bilan.home), "cle"))
    monkeypatch.setenv("BILAN_HOME", str(copy))
    typed[:] = [PHRASE]
    bilan("cle", "restaure", target, terminal=True)
    assert bilan("delete", bid, "--yes", code=1).key == "CLE_DOSSIER_COPIE"
    monkeypatch.setenv("BILAN_HOME", str(bilan.home))
    assert bilan.json("show", bid)["champs"]["demande"] == "SECRETZQX"
    bilan("delete", bid, "--yes")
