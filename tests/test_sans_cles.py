"""Life without keys (SPEC §15): what needs no content never reads a key nor imports a cipher;
what needs content is refused, saying which key is missing and how to bring it back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from paperwork import configure, held
from purge_helpers import make_ended_bilan
from sealing import kept_keys, seal_store

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
