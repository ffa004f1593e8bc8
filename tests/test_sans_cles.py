"""Life without keys (SPEC §15): what needs no content never reads a key nor imports a cipher;
what needs content is refused, saying which key is missing and how to bring it back."""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from paperwork import configure, held
from purge_helpers import make_ended_bilan
from sealing import keys_file, kept_keys, seal_store

import bilancli

# What needs no content (SPEC §15: « list, agenda, stats, factures… »).
WITHOUT_CONTENT = (["list"], ["list", "--json"], ["agenda"], ["agenda", "--json"], ["stats"],
                   ["stats", "--json"], ["factures"], ["factures", "--json"])

PROBE = (
    "import sys\nfrom bilancli.cli import main\n"
    "code = 0\ntry:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
    "heavy = sorted({m.partition('.')[0] for m in sys.modules} & {'cryptography', 'keyring'})\n"
    "sys.stderr.write('\\nimported: ' + ' '.join(heavy))\n"
    "sys.exit(code)\n"
)


def cabinet(bilan) -> dict[str, str]:
    """An encrypted store with something for each of these commands to show: a bilan running
    with content, one invoiced, one ended whose purge is due."""
    configure(bilan)
    invoiced = held(bilan)
    bilan("facture", invoiced)
    running = bilan.new(nom="Durand")
    bilan("set", running, "demande", "ZQXDEMANDEXZQ")
    ended = make_ended_bilan(bilan.home, "FIN", end=date(2026, 2, 1))
    seal_store(bilan.home)
    assert running in kept_keys(bilan.home)
    return {"invoiced": invoiced, "running": running, "ended": ended}


def run_probe(argv: list[str]):
    src = Path(bilancli.__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, env=env)


@pytest.mark.parametrize("argv", WITHOUT_CONTENT, ids=" ".join)
def test_what_needs_no_content_imports_no_cipher_nor_key_ring(bilan, argv):
    cabinet(bilan)
    done = run_probe(argv)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "imported: ", done.stderr
    if "--json" in argv:
        assert json.loads(done.stdout) is not None


def test_the_probe_sees_a_command_that_opens_content():
    """The probe can fail: a command that seals content imports the cipher."""
    done = subprocess.run([sys.executable, "-c", PROBE.replace(
        "from bilancli.cli import main\n",
        "from bilancli.store.cles import cipher\ncipher.seal(bytes(32), b'', 'x')\n"
        "main = lambda: None\n")], capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(Path(bilancli.__file__).resolve().parents[1])})
    assert done.stderr.splitlines()[-1] == "imported: cryptography", done.stderr


# --- Without keys ------------------------------------------------------------------------------

def _take_keys_away(home, how: str) -> str:
    """The keys of the store at `home` out of reach, as a consultant meets it; returns the
    refusal key a content command must give."""
    keys = Path(keys_file(home))
    master = keys.with_name("cle")
    if how == "cle_absente":
        master.unlink()
        return "CLE_ABSENTE"
    if how == "cle_incorrecte":
        master.unlink()
        master.write_bytes(base64.b64encode(os.urandom(32)) + b"\n")
        master.chmod(0o600)
        return "CLE_INCORRECTE"
    if how == "trousseau_absent":
        keys.unlink()
        return "TROUSSEAU_ABSENT"
    # A store whose master key is in the system's key ring, locked (the failing backend).
    conn = sqlite3.connect(home / "bilans.db")
    with conn:
        conn.execute("UPDATE chiffrement SET maitre = 'keyring'")
    conn.close()
    master.unlink()
    return "CLE_ABSENTE"


def _tree(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


WAYS = ("cle_absente", "cle_incorrecte", "trousseau_absent", "trousseau_verrouille")


@pytest.mark.parametrize("how", WAYS)
def test_without_keys_what_needs_no_content_says_the_same(bilan, how):
    cabinet(bilan)
    before = {tuple(argv): bilan(*argv).stdout for argv in WITHOUT_CONTENT}
    _take_keys_away(bilan.home, how)
    store = _tree(bilan.home)
    keys = Path(keys_file(bilan.home)).parent
    kept = _tree(keys)
    for argv in WITHOUT_CONTENT:
        assert bilan(*argv).stdout == before[tuple(argv)], argv
    assert _tree(bilan.home) == store and _tree(keys) == kept


def content_commands(ids: dict[str, str], tmp_path) -> list[list[str]]:
    running, ended = ids["running"], ids["ended"]
    return [
        ["show", running], ["show", running, "--json"], ["show", ended, "--json"],
        ["set", running, "demande", "Un autre texte"],
        ["doc", "get", ended, "1", "-o", str(tmp_path / "doc.pdf")],
        ["export", running, "-o", str(tmp_path / "export.zip")],
        ["synthese", "render", running, "--format", "md"],
    ]


@pytest.mark.parametrize("how", WAYS)
def test_without_keys_what_needs_content_is_refused_naming_the_key_and_the_way_back(bilan, how, tmp_path):
    ids = cabinet(bilan)
    refusal = _take_keys_away(bilan.home, how)
    store = _tree(bilan.home)
    keys = Path(keys_file(bilan.home)).parent
    kept = _tree(keys)
    for argv in content_commands(ids, tmp_path):
        result = bilan(*argv, code=1)
        assert result.key == refusal, (argv, result.stderr)
        assert "bilan cle restaure FICHIER" in result.stderr, result.stderr
        assert "ZQXDEMANDEXZQ" not in result.stdout + result.stderr
        if refusal == "TROUSSEAU_ABSENT":
            assert keys_file(bilan.home) in result.stderr
        elif how == "trousseau_verrouille":
            assert "keyring" in result.stderr
        else:
            assert str(Path(keys_file(bilan.home)).with_name("cle")) in result.stderr
    assert _tree(bilan.home) == store and _tree(keys) == kept
    assert not (tmp_path / "doc.pdf").exists() and not (tmp_path / "export.zip").exists()


@pytest.mark.parametrize("how", WAYS)
def test_without_keys_what_writes_no_content_still_works(bilan, how, tmp_path):
    ids = cabinet(bilan)
    _take_keys_away(bilan.home, how)
    other = bilan.new(nom="Nouveau")
    assert other in {row["id"] for row in bilan.json("list")}
    bilan("rdv", "list")
    bilan("calendrier")
    bilan("sauvegarde", "-o", tmp_path)
    if how == "trousseau_absent":
        # The keys must go first, and they cannot: nothing is destroyed (another
        # XDG_CONFIG_HOME, cron, sudo), the content stays until they are at hand.
        before = bilan.db_bytes()
        assert bilan("purge", "--yes", code=1).key == "TROUSSEAU_ABSENT_DESTRUCTION"
        assert bilan.db_bytes() == before
        return
    # The purge destroys without opening: the ended bilan's content goes all the same.
    (entry,) = bilan.json("purge", "--yes")["bilans"]
    assert entry["id"] == ids["ended"]


@pytest.mark.parametrize("how", WAYS)
def test_without_keys_a_command_that_loads_a_bilan_but_no_content_works(bilan, how):
    ids = cabinet(bilan)
    running = ids["running"]
    to_invoice, doomed = held(bilan), bilan.new(nom="Perrin")
    for bid in (to_invoice, doomed):
        bilan("set", bid, "demande", "ZQXDEMANDEXZQ")
    _take_keys_away(bilan.home, how)
    bilan("consent", running, "employeur")
    bilan("entretien", "add", running, "--date", "2026-03-02", "--duree", "1h")
    assert [e["numero"] for e in bilan.json("entretien", "list", running)["entretiens"]][-1:]
    bilan("entretien", "list", running)
    assert bilan.json("phase", "show", running)
    bilan("phase", "show", running)
    bilan("rdv", "add", running, "--date", "2026-03-10", "--heure", "10h", "--duree", "1h")
    bilan("rdv", "move", running, "1", "--date", "2026-03-11")
    bilan("facture", to_invoice)
    if how == "trousseau_absent":
        # A deletion destroys the bilan's keys before its rows: without the key store it
        # cannot, and destroys nothing (the key store may only be out of reach).
        before = _tree(bilan.home)
        assert bilan("delete", doomed, "--yes", code=1).key == "TROUSSEAU_ABSENT_DESTRUCTION"
        assert _tree(bilan.home) == before
    else:
        bilan("delete", doomed, "--yes")
        assert doomed not in {row["id"] for row in bilan.json("list")}
    # What needs content is still refused, and writes nothing.
    store = _tree(bilan.home)
    for argv in (["show", running], ["entretien", "add", running, "--date", "2026-03-02",
                                     "--duree", "1h", "--notes", "Un texte"]):
        result = bilan(*argv, code=1)
        assert "bilan cle restaure FICHIER" in result.stderr, (argv, result.stderr)
    assert _tree(bilan.home) == store


def test_a_value_not_opened_is_never_shown_compared_nor_written(tmp_path):
    from bilancli.store.dossier.bilans import UNOPENED, NotOpened

    assert UNOPENED   # present
    for use in (str, repr, len, lambda v: f"{v}", lambda v: v == "x", lambda v: "a" + v,
                lambda v: sqlite3.connect(":memory:").execute("SELECT ?", (v,))):
        with pytest.raises((NotOpened, sqlite3.Error)):
            use(UNOPENED)
    with pytest.raises(TypeError):
        json.dumps(UNOPENED)
