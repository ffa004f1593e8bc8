"""Two terminals issuing invoices at the same moment: one sequence, no gap, no duplicate."""

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from paperwork import configure, held

import bilancli

PROCESSES = 8


def _issue(home: Path, bilan_id: str, montant: str) -> subprocess.Popen:
    env = dict(os.environ, BILAN_HOME=str(home), BILAN_TODAY="2026-03-02",
               PYTHONPATH=str(Path(bilancli.__file__).parents[1]))
    return subprocess.Popen([sys.executable, "-m", "bilancli", "facture", bilan_id, "--montant",
                             montant, "--json"], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_invoices_issued_at_once_from_several_processes_are_numbered_without_gap(bilan):
    configure(bilan)
    first = held(bilan)
    second = held(bilan, nom="Durand", prenom="Paul")
    # Every process is started while another writer holds the store, so that all of them
    # reach their transaction together when it lets go: the race is certain, not left to luck.
    lock = sqlite3.connect(bilan.home / "bilans.db", isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    try:
        running = [_issue(bilan.home, first if i % 2 else second, f"{100 + i}")
                   for i in range(PROCESSES)]
        time.sleep(2)
        assert all(p.poll() is None for p in running), "a process did not wait for the lock"
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    outputs = [p.communicate(timeout=60) for p in running]
    assert [p.returncode for p in running] == [0] * PROCESSES, [err for _, err in outputs]
    numbers = sorted(json.loads(out)["numero"] for out, _ in outputs)
    assert numbers == [f"F2026-{n:04d}" for n in range(1, PROCESSES + 1)]
    rows = bilan.json("factures")
    assert [r["numero"] for r in rows] == numbers
    # Each process's amount went with the number it was given, nothing lost or doubled.
    assert sorted(r["montant_ht"] for r in rows) == [100.0 + i for i in range(PROCESSES)]
