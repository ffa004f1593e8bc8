"""The keys of the store's encryption (SPEC §15): `cle etat`, the recovery file made and
restored, the agenda's `cle_secours`, the stale recovery files the purge destroys."""

from __future__ import annotations

import base64
import json
import os
import stat

import pytest

from bilancli.store.cles import maitre, secours
from bilancli.store.cles.trousseau import key_name
from bilancli.store.db import Store

STORE_ID = "0f3c9a5e7d2b4c1a8e6f0b9d2c4a7e15"
PHRASE = "une phrase assez longue"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    """scrypt at its lowest accepted cost: the suite runs on two shared cores. The store's id
    is learnt again by each test (`_set_up_store`)."""
    monkeypatch.setattr(secours, "SCRYPT_N", 2 ** 14)
    monkeypatch.setattr(__import__(__name__), "STORE_ID", STORE_ID)


def encrypted(bilan, count=2):
    """A store set up for encryption (as the first command that writes does), with a data key
    for each of `count` bilans and a synthèse key for the first: their names and keys."""
    ids = [bilan.new(nom=f"Nom{i}") for i in range(count)]
    store = Store(str(bilan.home))
    try:
        _set_up_store(store)
        names = [key_name(i) for i in ids] + [key_name(ids[0], "synthese")]
        keys = {n: store.keys.key(n, create=True) for n in names}
    finally:
        store.close()
    return ids, keys


def _set_up_store(store):
    """The store's encryption set up, as the first command that writes does (when it has not
    already); the tests know the store by its id."""
    global STORE_ID
    if store.keys.state is None:
        with store.write():
            store.keys.set_up(STORE_ID, clear=False)
    STORE_ID = store.keys.state.store_id


def keys_now(bilan, names):
    """The data keys this machine opens now (None for one it cannot)."""
    from bilancli.errors import BilanError

    store = Store(str(bilan.home))
    found = {}
    try:
        for n in names:
            try:
                found[n] = store.keys.key(n)
            except BilanError as exc:
                found[n] = exc.key
    finally:
        store.close()
    return found


def destroy(bilan, names, on="2026-03-02"):
    store = Store(str(bilan.home))
    try:
        store.keys.destroy(names, on)
    finally:
        store.close()


def config_folder():
    return os.path.join(os.environ["XDG_CONFIG_HOME"], "bilancli", "magasins", STORE_ID)


def make_recovery(bilan, typed, target, phrase=PHRASE):
    typed[:] = [phrase, phrase]
    return bilan("cle", "secours", "-o", target, terminal=True)


def new_machine(monkeypatch, tmp_path, name="autre"):
    """Another user configuration folder: neither the master key nor the key store."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / name))


def tree_bytes(folder):
    out = {}
    for where, _, names in os.walk(folder):
        for n in names:
            path = os.path.join(where, n)
            with open(path, "rb") as f:
                out[path] = f.read()
    return out


# --- cle etat ---------------------------------------------------------------------------

def test_etat_says_where_the_master_key_is_how_many_keys_and_the_recovery_file(bilan, typed, tmp_path):
    encrypted(bilan)
    shown = bilan.json("cle", "etat")
    assert set(shown) == {"emplacement", "cles", "secours_le", "secours_perime"}
    assert shown["cles"] == 3
    assert os.path.join(config_folder(), "cle") in shown["emplacement"]
    assert shown["secours_le"] is None and shown["secours_perime"] is False
    make_recovery(bilan, typed, tmp_path / "secours.bilancle")
    bilan.today("2026-03-05")
    shown = bilan.json("cle", "etat")
    assert shown["secours_le"] == "2026-03-02" and shown["secours_perime"] is False
    human = bilan("cle", "etat").stdout
    assert "02/03/2026" in human and "3" in human


def test_etat_without_the_master_key_still_counts_and_says_what_is_missing(bilan):
    encrypted(bilan)
    os.unlink(os.path.join(config_folder(), "cle"))
    before = bilan.db_bytes()
    done = bilan("cle", "etat", "--json")
    assert json.loads(done.stdout)["cles"] == 3
    assert "introuvable" in done.stderr
    assert bilan.db_bytes() == before


def test_etat_before_any_key(bilan):
    bilan("agenda")   # nothing written: no key made yet
    assert bilan.json("cle", "etat") == {"emplacement": None, "cles": 0, "secours_le": None,
                                         "secours_perime": False}


# --- cle secours ------------------------------------------------------------------------

def test_a_recovery_file_is_private_says_what_it_is_and_holds_no_key_in_clear(bilan, typed, tmp_path):
    ids, keys = encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    done = make_recovery(bilan, typed, target)
    assert "hors ligne" in done.stdout
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    data = target.read_bytes()
    assert data.startswith(secours.MAGIC)
    header = secours.header_of(data)
    assert header.store_id == STORE_ID and header.names == set(keys)
    for key in keys.values():
        assert key not in data and base64.b64encode(key) not in data
    assert PHRASE.encode() not in data


def test_a_recovery_file_is_refused_without_a_terminal(bilan, typed, tmp_path):
    encrypted(bilan)
    before, keys_before = bilan.db_bytes(), tree_bytes(config_folder())
    typed[:] = [PHRASE, PHRASE]
    done = bilan("cle", "secours", "-o", tmp_path / "s.bilancle", input=PHRASE + "\n" + PHRASE + "\n",
                 code=1)
    assert done.key == "SECOURS_SANS_TERMINAL"
    assert not (tmp_path / "s.bilancle").exists()
    assert bilan.db_bytes() == before and tree_bytes(config_folder()) == keys_before


@pytest.mark.parametrize("answers, key", [
    ([PHRASE, PHRASE + "x"], "SECOURS_PHRASES_DIFFERENTES"),
    (["court", "court"], "SECOURS_PHRASE_COURTE"),
    ([], "SECOURS_ABANDONNE"),
])
def test_a_recovery_file_needs_the_same_long_passphrase_twice(bilan, typed, tmp_path, answers, key):
    encrypted(bilan)
    before = bilan.db_bytes()
    typed[:] = answers
    done = bilan("cle", "secours", "-o", tmp_path / "s.bilancle", terminal=True, code=1)
    assert done.key == key
    assert not (tmp_path / "s.bilancle").exists()
    assert bilan.db_bytes() == before


def test_a_recovery_file_is_never_written_in_the_data_folder(bilan, typed, tmp_path):
    ids, _ = encrypted(bilan)
    before = bilan.db_bytes()
    os.makedirs(bilan.home / "documents", exist_ok=True)
    link = tmp_path / "lien"
    os.symlink(bilan.home / "documents", link)
    for target in (bilan.home / "documents" / "s.bilancle", tmp_path / "x" / ".." / "home" / "s.bilancle",
                   link / "s.bilancle"):
        os.makedirs(tmp_path / "x", exist_ok=True)
        typed[:] = [PHRASE, PHRASE]
        done = bilan("cle", "secours", "-o", target, terminal=True, code=1)
        assert done.key == "SECOURS_DANS_DONNEES", target
    assert bilan.db_bytes() == before
    assert not (bilan.home / "documents" / "s.bilancle").exists()


def test_a_recovery_file_is_never_written_into_a_fifo_or_a_folder(bilan, typed, tmp_path):
    encrypted(bilan)
    os.mkfifo(tmp_path / "tube")
    (tmp_path / "dossier").mkdir()
    typed[:] = [PHRASE, PHRASE]
    done = bilan("cle", "secours", "-o", tmp_path / "tube", terminal=True, code=1)
    assert done.key == "SORTIE_PAS_UN_FICHIER"
    done = bilan("cle", "secours", "-o", tmp_path / "dossier", terminal=True, code=1)
    assert done.key == "FICHIER_EST_DOSSIER"
    assert stat.S_ISFIFO(os.lstat(tmp_path / "tube").st_mode)


def test_a_recovery_file_of_a_store_never_set_up_is_refused(bilan, typed, tmp_path):
    typed[:] = [PHRASE, PHRASE]
    done = bilan("cle", "secours", "-o", tmp_path / "s.bilancle", terminal=True, code=1)
    assert done.key == "SECOURS_SANS_CHIFFREMENT"


# --- cle restaure -----------------------------------------------------------------------

def test_restored_on_a_new_machine_the_keys_open_the_content_again(bilan, typed, tmp_path, monkeypatch):
    ids, keys = encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    new_machine(monkeypatch, tmp_path)
    assert set(keys_now(bilan, keys).values()) == {"TROUSSEAU_ABSENT"}
    typed[:] = [PHRASE]
    done = bilan("cle", "restaure", target, terminal=True)
    assert "3 clé(s)" in done.stdout
    assert keys_now(bilan, keys) == keys
    key_file = os.path.join(config_folder(), "cle")
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert bilan.json("cle", "etat")["cles"] == 3


def test_a_wrong_passphrase_installs_nothing(bilan, typed, tmp_path, monkeypatch):
    ids, keys = encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    new_machine(monkeypatch, tmp_path)
    before = bilan.db_bytes()
    typed[:] = ["une autre phrase longue"]
    done = bilan("cle", "restaure", target, terminal=True, code=1)
    assert done.key == "SECOURS_PHRASE_INCORRECTE"
    assert not os.path.exists(config_folder())
    assert bilan.db_bytes() == before


def test_a_recovery_file_altered_does_not_open(bilan, typed, tmp_path, monkeypatch):
    encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    data = bytearray(target.read_bytes())
    data[-5] ^= 1
    target.write_bytes(bytes(data))
    new_machine(monkeypatch, tmp_path)
    typed[:] = [PHRASE]
    assert bilan("cle", "restaure", target, terminal=True, code=1).key == "SECOURS_PHRASE_INCORRECTE"
    assert not os.path.exists(config_folder())


def test_a_recovery_file_of_another_store_is_refused(bilan, typed, tmp_path):
    encrypted(bilan)
    other = secours.pack("un-autre-magasin", {"B": os.urandom(32)}, PHRASE, "2026-01-01", n=2 ** 14)
    (tmp_path / "autre.bilancle").write_bytes(other)
    keys_before = tree_bytes(config_folder())
    typed[:] = [PHRASE]
    done = bilan("cle", "restaure", tmp_path / "autre.bilancle", terminal=True, code=1)
    assert done.key == "SECOURS_AUTRE_DOSSIER"
    assert tree_bytes(config_folder()) == keys_before
    # Its header edited to pass for this store's: it no longer opens.
    forged = other.replace(b'"un-autre-magasin"', json.dumps(STORE_ID).encode())
    forged = forged[:len(secours.MAGIC) + 1] + (len(secours.header_of(other).raw) - len(secours.MAGIC) - 5
                                                  + len(STORE_ID) - len("un-autre-magasin")
                                                  ).to_bytes(4, "big") + forged[len(secours.MAGIC) + 5:]
    (tmp_path / "forge.bilancle").write_bytes(forged)
    typed[:] = [PHRASE]
    done = bilan("cle", "restaure", tmp_path / "forge.bilancle", terminal=True, code=1)
    assert done.key == "SECOURS_PHRASE_INCORRECTE"
    assert tree_bytes(config_folder()) == keys_before


@pytest.mark.parametrize("content, key", [(b"pas un fichier de secours", "SECOURS_ILLISIBLE"),
                                          (secours.MAGIC + b"\x09", "SECOURS_ILLISIBLE")])
def test_what_is_not_a_recovery_file_is_refused(bilan, typed, tmp_path, content, key):
    encrypted(bilan)
    (tmp_path / "f").write_bytes(content)
    typed[:] = [PHRASE]
    assert bilan("cle", "restaure", tmp_path / "f", terminal=True, code=1).key == key
    os.mkfifo(tmp_path / "tube")
    assert bilan("cle", "restaure", tmp_path / "tube", terminal=True, code=1).key == "SECOURS_ILLISIBLE"


def test_restaure_is_refused_without_a_terminal(bilan, typed, tmp_path, monkeypatch):
    encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    new_machine(monkeypatch, tmp_path)
    typed[:] = [PHRASE]
    done = bilan("cle", "restaure", target, input=PHRASE + "\n", code=1)
    assert done.key == "SECOURS_RESTAURE_SANS_TERMINAL"
    assert not os.path.exists(config_folder())


def test_an_old_recovery_file_never_brings_back_a_destroyed_key(bilan, typed, tmp_path):
    """Crypto-shredding holds against the consultant's own recovery file restored on the
    same machine: the key the purge destroyed stays destroyed; a kept key is never replaced."""
    ids, keys = encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    gone = key_name(ids[1])
    destroy(bilan, [gone])
    typed[:] = [PHRASE]
    done = bilan("cle", "restaure", target, terminal=True)
    assert "1 clé(s) de ce fichier ne sont pas revenues" in done.stderr
    now = keys_now(bilan, keys)
    assert now[gone] == "CLE_BILAN_DETRUITE"
    assert {n: k for n, k in now.items() if n != gone} == {n: k for n, k in keys.items() if n != gone}


def test_a_key_lost_from_the_key_store_comes_back(bilan, typed, tmp_path):
    import sqlite3

    ids, keys = encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    lost = key_name(ids[0])
    db = sqlite3.connect(os.path.join(config_folder(), "trousseau.db"))
    db.execute("DELETE FROM cles WHERE bilan_id = ?", (lost,))
    db.commit()
    db.close()
    assert keys_now(bilan, [lost])[lost] == "CLE_BILAN_ABSENTE"
    typed[:] = [PHRASE]
    assert "1 clé(s) de données installée(s), 2 déjà présente(s)" in bilan("cle", "restaure", target,
                                                                          terminal=True).stdout
    assert keys_now(bilan, keys) == keys


def test_a_lost_master_key_is_recovered_from_the_recovery_file(bilan, typed, tmp_path):
    """The USB key holding the master key lost: the key store is made again under a new
    master key; the keys destroyed stay destroyed; those made after the file are lost, told."""
    ids, keys = encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    destroy(bilan, [key_name(ids[1])])
    later = bilan.new(nom="Apres")
    store = Store(str(bilan.home))
    try:
        store.keys.key(key_name(later), create=True)
    finally:
        store.close()
    os.unlink(os.path.join(config_folder(), "cle"))
    typed[:] = [PHRASE]
    done = bilan("cle", "restaure", target, terminal=True)
    assert "Nouvelle clé maîtresse" in done.stdout
    assert "1 clé(s) de données" in done.stderr   # the one made after the file
    assert os.path.exists(os.path.join(config_folder(), "cle"))
    assert not os.path.exists(os.path.join(config_folder(), "trousseau.db.ancien"))
    now = keys_now(bilan, list(keys) + [key_name(later)])
    assert now[key_name(ids[0])] == keys[key_name(ids[0])]
    assert now[key_name(ids[0], "synthese")] == keys[key_name(ids[0], "synthese")]
    assert now[key_name(ids[1])] == "CLE_BILAN_DETRUITE"
    assert now[key_name(later)] == "CLE_BILAN_ABSENTE"


def test_a_wrong_master_key_is_said_before_the_passphrase(bilan, typed, tmp_path):
    encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    with open(os.path.join(config_folder(), "cle"), "wb") as f:
        f.write(base64.b64encode(os.urandom(32)))
    typed[:] = []   # no passphrase asked
    assert bilan("cle", "restaure", target, terminal=True, code=1).key == "CLE_INCORRECTE"


def test_restored_on_a_new_machine_the_master_key_goes_where_bilan_cle_says(bilan, typed, tmp_path,
                                                                            monkeypatch):
    ids, keys = encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    new_machine(monkeypatch, tmp_path)
    (tmp_path / "usb").mkdir()
    monkeypatch.setenv("BILAN_CLE", str(tmp_path / "usb" / "cle"))
    typed[:] = [PHRASE]
    bilan("cle", "restaure", target, terminal=True)
    assert (tmp_path / "usb" / "cle").exists()
    assert keys_now(bilan, keys) == keys
    assert str(tmp_path / "usb" / "cle") in bilan.json("cle", "etat")["emplacement"]


# --- the agenda and the purge -----------------------------------------------------------

def _recovery_items(bilan):
    return [i for i in bilan.json("agenda") if i["quoi"] == "cle_secours"]


def test_the_agenda_asks_for_a_new_recovery_file_once_a_key_it_holds_is_destroyed(bilan, typed, tmp_path):
    ids, keys = encrypted(bilan)
    assert _recovery_items(bilan) == []
    make_recovery(bilan, typed, tmp_path / "s1.bilancle")
    assert _recovery_items(bilan) == []
    destroy(bilan, [key_name(ids[1])], on="2026-03-02")
    assert _recovery_items(bilan) == [{"bilan": None, "date": "2026-03-02", "quoi": "cle_secours",
                                       "source": "R6313-7", "en_retard": False}]
    assert bilan.json("cle", "etat")["secours_perime"] is True
    bilan.today("2026-03-10")
    assert _recovery_items(bilan)[0]["en_retard"] is True
    assert "fichier de secours" in bilan("agenda").stdout
    make_recovery(bilan, typed, tmp_path / "s2.bilancle")
    assert _recovery_items(bilan) == []
    assert bilan.json("cle", "etat")["secours_perime"] is False


def test_a_key_made_after_the_recovery_file_leaves_it_current_when_destroyed(bilan, typed, tmp_path):
    ids, keys = encrypted(bilan)
    make_recovery(bilan, typed, tmp_path / "s1.bilancle")
    later = bilan.new(nom="Apres")
    store = Store(str(bilan.home))
    store.keys.key(key_name(later), create=True)
    store.close()
    destroy(bilan, [key_name(later)])
    assert _recovery_items(bilan) == []


def test_the_agenda_reads_no_cipher_and_no_key_ring(bilan, typed, tmp_path):
    import subprocess
    import sys

    ids, _ = encrypted(bilan)
    make_recovery(bilan, typed, tmp_path / "s.bilancle")
    destroy(bilan, [key_name(ids[0])])
    code = ("import sys; from bilancli.cli import main\n"
            "try:\n    main(['agenda', '--json'])\nexcept SystemExit:\n    pass\n"
            "print([m for m in sys.modules if m.startswith(('cryptography', 'keyring'))], file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ)
    assert '"cle_secours"' in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_the_purge_destroys_the_stale_recovery_files_of_the_backup_folder(bilan, typed, tmp_path):
    import shutil

    ids, keys = encrypted(bilan)
    saves = tmp_path / "sauvegardes"
    saves.mkdir()
    (bilan.home / "config.toml").write_text(f'[sauvegarde]\ndossier = "{saves}"\n')
    stale = saves / "nom-quelconque.txt"           # recognised by its header, not its name
    make_recovery(bilan, typed, stale)
    (saves / "sous").mkdir()
    deeper = saves / "sous" / "secours.bilancle"
    make_recovery(bilan, typed, deeper)
    other = saves / "autre.bilancle"               # another store's: never touched
    other.write_bytes(secours.pack("un-autre-magasin", {key_name(ids[1]): os.urandom(32)}, PHRASE,
                                   "2026-01-01", n=2 ** 14))
    too_deep = saves / "a" / "b" / "c" / "loin.bilancle"   # a copy: the folder, not a whole disk
    too_deep.parent.mkdir(parents=True)
    shutil.copy(stale, too_deep)
    os.mkfifo(saves / "tube")                       # never opened: it would block
    usb = tmp_path / "usb.bilancle"               # written elsewhere with -o: known to the purge
    make_recovery(bilan, typed, usb)
    outside = tmp_path / "ailleurs.bilancle"       # a copy reached only through a link: never followed
    shutil.copy(usb, outside)
    os.symlink(outside, saves / "lien.bilancle")
    replaced = tmp_path / "remplace.bilancle"      # written there, then replaced by another store's
    make_recovery(bilan, typed, replaced)
    replaced.write_bytes(other.read_bytes())
    # Nothing destroyed yet: the purge keeps every recovery file.
    bilan("purge", "--yes")
    assert stale.exists() and deeper.exists()
    destroy(bilan, [key_name(ids[1])])
    kept = saves / "recent.bilancle"               # made after: holds no destroyed key
    make_recovery(bilan, typed, kept)
    planned = bilan("purge", "--dry-run").stdout
    assert str(stale) in planned and str(deeper) in planned
    assert stale.exists()
    report = bilan.json("purge", "--yes")
    assert sorted(report["fichiers_secours"]) == sorted([str(stale), str(deeper), str(usb)])
    assert not stale.exists() and not deeper.exists() and not usb.exists()
    assert replaced.read_bytes() == other.read_bytes()
    assert bilan.json("purge", "--yes").get("fichiers_secours") is None   # idempotent
    assert kept.exists() and other.exists() and outside.exists() and os.path.islink(saves / "lien.bilancle")
    assert too_deep.exists()


# --- the master key's paths and the key ring ---------------------------------------------

def _set_up(bilan):
    bilan.new()
    store = Store(str(bilan.home))
    try:
        _set_up_store(store)
    finally:
        store.close()


def _refusal(bilan, typed, tmp_path):
    typed[:] = [PHRASE, PHRASE]
    return bilan("cle", "secours", "-o", tmp_path / "s.bilancle", terminal=True, code=1)


@pytest.mark.parametrize("inside", ["dotdot", "link"])
def test_bilan_cle_inside_the_data_folder_is_refused(bilan, tmp_path, monkeypatch, inside):
    monkeypatch.setenv("BILAN_HOME", str(tmp_path / "second"))
    os.makedirs(tmp_path / "second")
    if inside == "dotdot":
        (tmp_path / "ailleurs").mkdir()
        named = tmp_path / "ailleurs" / ".." / "second" / "cle"
    else:
        os.symlink(tmp_path / "second", tmp_path / "lien")
        named = tmp_path / "lien" / "cle"
    monkeypatch.setenv("BILAN_CLE", str(named))
    done = bilan("new", "--nom", "Martin", "--prenom", "Claire", code=1)
    assert done.key == "CLE_DANS_DONNEES"
    assert not (tmp_path / "second" / "cle").exists()
    assert bilan.json("list") == []


def test_config_cle_inside_the_data_folder_is_refused_on_read(bilan, typed, tmp_path, monkeypatch):
    _set_up(bilan)
    os.symlink(bilan.home / "documents", tmp_path / "lien")
    (bilan.home / "config.toml").write_text(f'[chiffrement]\ncle = "{tmp_path / "lien" / "cle"}"\n')
    assert _refusal(bilan, typed, tmp_path).key == "CLE_DANS_DONNEES"


@pytest.mark.parametrize("make, reason", [
    (lambda p: os.mkfifo(p, 0o600), "FIFO"),
    (lambda p: os.mkdir(p, 0o700), "dossier"),
])
def test_a_key_file_that_is_not_a_file_is_refused_without_blocking(bilan, typed, tmp_path, monkeypatch,
                                                                   make, reason):
    _set_up(bilan)
    named = tmp_path / "cle-speciale"
    make(named)
    monkeypatch.setenv("BILAN_CLE", str(named))
    done = _refusal(bilan, typed, tmp_path)
    assert done.key == "CLE_ILLISIBLE" and reason in done.stderr


def test_a_key_file_others_can_read_is_refused(bilan, typed, tmp_path):
    _set_up(bilan)
    os.chmod(os.path.join(config_folder(), "cle"), 0o644)
    assert _refusal(bilan, typed, tmp_path).key == "CLE_TROP_OUVERTE"


@pytest.mark.parametrize("content", [b"pas du base64 !", base64.b64encode(b"court") + b"\n",
                                     base64.b64encode(os.urandom(32)) * 200])
def test_a_malformed_key_file_is_refused(bilan, typed, tmp_path, content):
    _set_up(bilan)
    path = os.path.join(config_folder(), "cle")
    with open(path, "wb") as f:
        f.write(content)
    assert _refusal(bilan, typed, tmp_path).key == "CLE_ILLISIBLE"


def test_a_wrong_key_file_is_refused(bilan, typed, tmp_path):
    encrypted(bilan)
    path = os.path.join(config_folder(), "cle")
    with open(path, "wb") as f:
        f.write(base64.b64encode(os.urandom(32)))
    assert _refusal(bilan, typed, tmp_path).key == "CLE_INCORRECTE"


def test_a_key_file_bilan_cle_names_that_exists_is_used(bilan, tmp_path, monkeypatch):
    key = os.urandom(32)
    named = tmp_path / "ma-cle"
    maitre.write_key_file(str(named), key)
    monkeypatch.setenv("BILAN_CLE", str(named))
    ids, keys = encrypted(bilan)
    assert named.read_bytes() == base64.b64encode(key) + b"\n"
    assert keys_now(bilan, keys) == keys


@pytest.fixture
def keyring_backend(monkeypatch, tmp_path):
    """Choose the key ring: one of `memory_keyring`'s, never the machine's; the process that
    checks the key ring keeps a new key beyond the command finds them too."""
    import keyring
    from keyring.backends import fail

    import memory_keyring

    memory_keyring.Memory.kept = {}
    monkeypatch.setenv("BILAN_TEST_KEYRING", str(tmp_path / "trousseau-systeme.json"))
    tests = os.path.dirname(memory_keyring.__file__)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [tests, os.environ.get("PYTHONPATH")])))

    def use(name):
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", name)
        keyring.core.init_backend()

    yield use
    keyring.set_keyring(fail.Keyring())


def test_a_working_key_ring_keeps_the_master_key(bilan, keyring_backend):
    import memory_keyring

    keyring_backend("memory_keyring.Shared")
    ids, keys = encrypted(bilan)
    assert memory_keyring.Shared().get_password("bilancli", f"magasin-{STORE_ID}")
    assert not os.path.exists(os.path.join(config_folder(), "cle"))
    assert "keyring" in bilan.json("cle", "etat")["emplacement"]
    assert keys_now(bilan, keys) == keys


@pytest.mark.parametrize("backend", ["memory_keyring.Locked", "memory_keyring.Forgetful",
                                     "keyring.backends.null.Keyring", "memory_keyring.Memory"])
def test_a_key_ring_that_fails_or_forgets_leaves_the_key_in_a_file(bilan, keyring_backend, backend):
    import memory_keyring

    keyring_backend(backend)
    ids, keys = encrypted(bilan)
    assert os.path.exists(os.path.join(config_folder(), "cle"))
    assert keys_now(bilan, keys) == keys
    assert memory_keyring.Memory.kept == {}   # nothing left in a key ring that forgets


@pytest.mark.parametrize("later, key, reason", [
    ("memory_keyring.Locked", "CLE_TROUSSEAU_SYSTEME_REFUSE", "verrouillé"),
    ("keyring.backends.null.Keyring", "CLE_ABSENTE", "ne garde rien"),
    ("keyring.backends.fail.Keyring", "CLE_ABSENTE", "aucun trousseau du système ne fonctionne"),
])
def test_a_key_ring_locked_or_gone_is_said_clearly(bilan, typed, tmp_path, keyring_backend, later, key,
                                                   reason):
    keyring_backend("memory_keyring.Shared")
    encrypted(bilan)
    keyring_backend(later)
    before = bilan.db_bytes()
    done = _refusal(bilan, typed, tmp_path)
    assert done.key == key and reason in done.stderr and "keyring" in done.stderr
    assert bilan.db_bytes() == before


def test_restored_on_a_machine_without_a_key_ring_the_key_goes_to_a_file(bilan, typed, tmp_path,
                                                                        monkeypatch, keyring_backend):
    keyring_backend("memory_keyring.Shared")
    ids, keys = encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    new_machine(monkeypatch, tmp_path)
    keyring_backend("keyring.backends.fail.Keyring")
    typed[:] = [PHRASE]
    bilan("cle", "restaure", target, terminal=True)
    assert os.path.exists(os.path.join(config_folder(), "cle"))
    assert keys_now(bilan, keys) == keys


def test_the_data_folder_under_another_name_is_still_the_data_folder(bilan, tmp_path, monkeypatch):
    """A bind mount or a case-insensitive disk gives the data folder a second name that no
    link resolution reveals: each folder on the key's way is compared with it itself."""
    bilan.new()
    os.symlink(bilan.home, tmp_path / "autre-nom")
    monkeypatch.setattr(maitre.os.path, "realpath", lambda p: os.path.abspath(p))
    from bilancli.errors import BilanError

    with pytest.raises(BilanError) as refused:
        maitre.check_outside(str(bilan.home), str(tmp_path / "autre-nom" / "sous" / "cle"))
    assert refused.value.key == "CLE_DANS_DONNEES"
    maitre.check_outside(str(bilan.home), str(tmp_path / "ailleurs" / "cle"))


def test_a_recovery_file_never_goes_to_the_standard_output(bilan, typed):
    encrypted(bilan)
    typed[:] = [PHRASE, PHRASE]
    done = bilan("cle", "secours", "-o", "-", terminal=True, code=1)
    assert done.key == "SECOURS_PAS_SORTIE_STANDARD"
    assert done.stdout == ""


def test_a_key_store_lost_with_its_record_still_brings_back_no_purged_content(bilan, typed, tmp_path,
                                                                             monkeypatch):
    """The key store lost (and its record of destroyed keys with it), an old recovery file
    restored on a new machine: the store's own record of what the purge destroyed keeps
    those keys out, and keeps them out for good."""
    import sqlite3

    ids, keys = encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    db = sqlite3.connect(bilan.home / "bilans.db")
    db.execute("UPDATE bilans SET contenu_detruit_le = '2026-03-02' WHERE id = ?", (ids[1],))
    db.execute("INSERT INTO purges (bilan_id, date, nature, nombre, octets, regle) "
               "VALUES (?, '2026-03-02', 'syntheses', 1, 10, 'R6313-7')", (ids[0],))
    db.commit()
    db.close()
    new_machine(monkeypatch, tmp_path)
    typed[:] = [PHRASE]
    done = bilan("cle", "restaure", target, terminal=True)
    assert "2 clé(s) de ce fichier ne sont pas revenues" in done.stderr
    now = keys_now(bilan, keys)
    assert now[key_name(ids[0])] == keys[key_name(ids[0])]
    assert now[key_name(ids[1])] == now[key_name(ids[0], "synthese")] == "CLE_BILAN_DETRUITE"
    typed[:] = [PHRASE]
    bilan("cle", "restaure", target, terminal=True)
    assert keys_now(bilan, keys) == now


def test_keys_of_bilans_this_store_does_not_hold_are_left_out(bilan, typed, tmp_path):
    ids, keys = encrypted(bilan)
    unknown = dict(keys, **{"2025-999": os.urandom(32)})
    (tmp_path / "s.bilancle").write_bytes(secours.pack(STORE_ID, unknown, PHRASE, "2026-03-01", n=2 ** 14))
    typed[:] = [PHRASE]
    done = bilan("cle", "restaure", tmp_path / "s.bilancle", terminal=True)
    assert "1 clé(s) de ce fichier sont celles de bilans que ce dossier ne contient pas" in done.stderr
    assert keys_now(bilan, ["2025-999"]) == {"2025-999": "CLE_BILAN_ABSENTE"}


@pytest.mark.parametrize("edit", [
    lambda h: h.update(kdf=dict(h["kdf"], n=2 ** 30)),    # a file asking for 1 TiB of memory
    lambda h: h.update(kdf=dict(h["kdf"], r=4096)),
    lambda h: h.update(kdf=dict(h["kdf"], algorithme="md5")),
])
def test_a_recovery_file_cannot_make_the_reader_spend_without_bound(bilan, typed, tmp_path, edit):
    encrypted(bilan)
    data = secours.pack(STORE_ID, {"x": os.urandom(32)}, PHRASE, "2026-03-01", n=2 ** 14)
    raw = secours.header_of(data).raw
    told = json.loads(raw[len(secours.MAGIC) + 5:])
    edit(told)
    header = json.dumps(told).encode()
    forged = secours.MAGIC + bytes([1]) + len(header).to_bytes(4, "big") + header + data[len(raw):]
    (tmp_path / "f").write_bytes(forged)
    typed[:] = [PHRASE]
    assert bilan("cle", "restaure", tmp_path / "f", terminal=True, code=1).key == "SECOURS_ILLISIBLE"


def test_a_huge_file_is_not_read(bilan, typed, tmp_path):
    encrypted(bilan)
    with open(tmp_path / "gros", "wb") as f:
        f.write(secours.MAGIC)
        f.truncate(64 * 1024 * 1024)   # sparse: nothing is really written
    done = bilan("cle", "restaure", tmp_path / "gros", terminal=True, code=1)
    assert done.key == "SECOURS_ILLISIBLE" and "trop grand" in done.stderr


def test_a_copy_of_the_data_folder_on_a_new_machine_reads_again_once_restored(bilan, typed, tmp_path,
                                                                             monkeypatch):
    """The whole way: content written, a recovery file made, the data folder copied to a new
    machine (no keys there): content refused, nothing written; the recovery file installed:
    the content reads as written."""
    import shutil

    kept = bilan.new()
    bilan("set", kept, "demande", "MARQUEUR-DEMANDE-CONSERVEE")
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    copy = tmp_path / "copie"
    shutil.copytree(bilan.home, copy)
    monkeypatch.setenv("BILAN_HOME", str(copy))
    new_machine(monkeypatch, tmp_path)
    before = (copy / "bilans.db").read_bytes()
    refused = bilan("show", kept, "--json", code=1)
    assert refused.key in ("TROUSSEAU_ABSENT", "CLE_ABSENTE")
    assert "MARQUEUR" not in refused.stdout + refused.stderr
    assert (copy / "bilans.db").read_bytes() == before
    assert [b["id"] for b in bilan.json("list")] == [kept]
    typed[:] = [PHRASE]
    bilan("cle", "restaure", target, terminal=True)
    assert bilan.json("show", kept)["champs"]["demande"] == "MARQUEUR-DEMANDE-CONSERVEE"


def test_a_store_replaced_between_the_passphrase_and_the_install_gets_nothing(bilan, typed, tmp_path):
    from bilancli.errors import BilanError
    from bilancli.services import cles as service

    ids, keys = encrypted(bilan)
    kept = tree_bytes(config_folder())
    store = Store(str(bilan.home))
    try:
        with pytest.raises(BilanError) as refused:
            service.restore_keys(store, "un-autre-magasin", keys)
    finally:
        store.close()
    assert refused.value.key == "SECOURS_DOSSIER_REMPLACE"
    assert tree_bytes(config_folder()) == kept


def test_a_store_of_the_previous_version_is_left_as_it_was(bilan, typed, tmp_path):
    """Content in clear, no encryption yet (a store of the previous version): nothing to
    save, and the refusal writes nothing, not even the store's encryption."""
    import sqlite3

    encrypted(bilan)
    db = sqlite3.connect(bilan.home / "bilans.db")
    db.execute("DROP TABLE chiffrement")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = '0011_chiffrement'")
    db.execute("PRAGMA user_version = 10")
    db.commit()
    db.close()
    before = bilan.db_bytes()
    typed[:] = [PHRASE, PHRASE]
    done = bilan("cle", "secours", "-o", tmp_path / "s.bilancle", terminal=True, code=1)
    assert done.key == "SECOURS_SANS_CHIFFREMENT"
    (tmp_path / "f").write_bytes(secours.pack(STORE_ID, {}, PHRASE, "2026-03-01", n=2 ** 14))
    typed[:] = [PHRASE]
    done = bilan("cle", "restaure", tmp_path / "f", terminal=True, code=1)
    assert done.key == "SECOURS_SANS_CHIFFREMENT"
    assert bilan.db_bytes() == before


def test_a_key_file_named_on_a_usb_key_not_plugged_in_is_never_made_on_the_laptop(bilan, tmp_path,
                                                                                   monkeypatch):
    mount_point = tmp_path / "media" / "usb"
    monkeypatch.setenv("BILAN_CLE", str(mount_point / "cle"))
    done = bilan("new", "--nom", "Martin", "--prenom", "Claire", code=1)
    assert done.key == "CLE_DOSSIER_ABSENT"
    assert not mount_point.exists()
    assert bilan.json("list") == []


def test_a_key_file_with_another_name_in_the_data_folder_is_refused(bilan, typed, tmp_path):
    """A hard link leaves no trace a path could resolve: the key file's other name may be
    in the data folder, and a copy of it would carry the key."""
    _set_up(bilan)
    key_file = os.path.join(config_folder(), "cle")
    os.link(key_file, bilan.home / "documents-cle")
    before = bilan.db_bytes()
    assert _refusal(bilan, typed, tmp_path).key == "CLE_ILLISIBLE"
    assert bilan.db_bytes() == before


def test_a_store_altered_to_lead_its_keys_elsewhere_is_refused(bilan, typed, tmp_path):
    import sqlite3

    encrypted(bilan)
    db = sqlite3.connect(bilan.home / "bilans.db")
    db.execute("UPDATE chiffrement SET magasin = '../../../ailleurs'")
    db.commit()
    db.close()
    before = bilan.db_bytes()
    assert _refusal(bilan, typed, tmp_path).key == "CLE_MAGASIN_INVALIDE"
    assert bilan("cle", "etat", code=1).key == "CLE_MAGASIN_INVALIDE"
    assert bilan.db_bytes() == before
    assert not (tmp_path / "ailleurs").exists()


def test_a_restore_cut_after_the_master_key_is_made_leaves_no_key_behind(bilan, typed, tmp_path,
                                                                          monkeypatch):
    from bilancli import messages as msg
    from bilancli.errors import fail
    from bilancli.store.cles.installation import KeysRecovery

    ids, keys = encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    new_machine(monkeypatch, tmp_path)
    before = bilan.db_bytes()

    def cut(self, keys, gone):
        raise fail(msg.TROUSSEAU_ECRITURE, chemin=self.keys_path())

    monkeypatch.setattr(KeysRecovery, "install", cut)
    typed[:] = [PHRASE]
    assert bilan("cle", "restaure", target, terminal=True, code=1).key == "TROUSSEAU_ECRITURE"
    assert os.listdir(config_folder()) == []
    assert bilan.db_bytes() == before


def test_a_restore_cut_never_destroys_a_key_file_the_consultant_made(bilan, typed, tmp_path, monkeypatch):
    from bilancli import messages as msg
    from bilancli.errors import fail
    from bilancli.store.cles.installation import KeysRecovery

    ids, keys = encrypted(bilan)
    target = tmp_path / "secours.bilancle"
    make_recovery(bilan, typed, target)
    new_machine(monkeypatch, tmp_path)
    mine = tmp_path / "ma-cle"
    maitre.write_key_file(str(mine), os.urandom(32))
    held = mine.read_bytes()

    # The consultant names their key file only once the restore has looked for the key.
    real_read = maitre.read

    def read_then_name(home, master, store_id):
        try:
            return real_read(home, master, store_id)
        finally:
            monkeypatch.setenv("BILAN_CLE", str(mine))

    monkeypatch.setattr(maitre, "read", read_then_name)
    monkeypatch.setattr(KeysRecovery, "install",
                        lambda self, k, g: (_ for _ in ()).throw(fail(msg.TROUSSEAU_ECRITURE, chemin="x")))
    typed[:] = [PHRASE]
    assert bilan("cle", "restaure", target, terminal=True, code=1).key == "TROUSSEAU_ECRITURE"
    assert mine.read_bytes() == held


def test_a_stale_recovery_file_that_cannot_be_destroyed_is_named_and_the_purge_fails(bilan, typed,
                                                                                     tmp_path, monkeypatch):
    import errno

    ids, keys = encrypted(bilan)
    saves = tmp_path / "sauvegardes"
    saves.mkdir()
    (bilan.home / "config.toml").write_text(f'[sauvegarde]\ndossier = "{saves}"\n')
    stale = saves / "secours.bilancle"
    make_recovery(bilan, typed, stale)
    destroy(bilan, [key_name(ids[1])])

    def refused(path):
        raise PermissionError(errno.EACCES, "refused", path)

    original = secours.destroy
    monkeypatch.setattr(secours, "destroy", refused)
    done = bilan("purge", "--yes", code=1)
    assert done.key == "PURGE_INCOMPLETE" and str(stale) in done.stderr
    monkeypatch.setattr(secours, "destroy", original)
    bilan("purge", "--yes")   # retried: gone now
    assert not stale.exists()
