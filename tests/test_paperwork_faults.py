"""The promise under faults holds for invoices too (SPEC §8, §10): a rendering killed at any
step leaves nothing the purge of the accounting records misses; a hard link keeps its bytes;
a full disk during that purge is said truly and the next run finishes it."""

import os
import sqlite3
import subprocess
import sys

import pytest
from killing import KILLER
from test_faults import env_for
from test_purge_archives import BUYER, STREET, _old_invoice
from test_purge_traces import traces


def _rows(bilan, sql):
    conn = sqlite3.connect(bilan.home / "bilans.db")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_rendered_invoice_is_recorded_then_confirmed(bilan):
    _, numero = _old_invoice(bilan, 2015)
    bilan("facture", "render", numero, "--format", "html")    # the same bytes again: one row
    assert _rows(bilan, "SELECT facture, chemin, provisoire FROM rendus_factures") == [
        (numero, f"documents/factures/facture-{numero}.html", None)]


@pytest.mark.parametrize("step", ["avant_ecriture", "avant_renommage", "avant_confirmation"])
@pytest.mark.parametrize("where", ["documents", "ailleurs"])
def test_an_invoice_rendering_killed_at_any_step_leaves_nothing_the_purge_misses(
        bilan, tmp_path, step, where):
    _, numero = _old_invoice(bilan, 2015)
    (bilan.home / "documents" / "factures" / f"facture-{numero}.html").unlink()
    conn = sqlite3.connect(bilan.home / "bilans.db")
    conn.execute("DELETE FROM rendus_factures")   # no earlier rendering: only the killed one
    conn.commit()
    conn.close()
    outside = tmp_path / "sorties"
    outside.mkdir()
    target = ["-o", str(outside / "facture.md")] if where == "ailleurs" else []
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, "facture", "render", numero, "--format", "md", *target],
        env=env_for(bilan.home, BILAN_TODAY="2015-06-02", MOURIR=step,
                    MOURIR_CONFIRMATION="InvoiceRenderingConfirmed"), capture_output=True,
        stdin=subprocess.DEVNULL)
    assert killed.returncode == 137, killed.stderr
    bilan.today("2026-01-01")
    result = bilan("purge", "--yes", code=None)
    assert result.exit_code == 0, result.stderr
    assert traces(bilan.home, [BUYER, STREET]) == {}
    assert traces(outside, [BUYER, STREET]) == {}
    assert not list(outside.iterdir())
    assert _rows(bilan, "SELECT COUNT(*) FROM rendus_factures") == [(0,)]


def test_an_invoice_file_with_another_hard_link_loses_its_name_not_the_other_s_bytes(bilan, tmp_path):
    _, numero = _old_invoice(bilan, 2015)
    path = bilan.home / "documents" / "factures" / f"facture-{numero}.html"
    backup = tmp_path / "copie-comptable.html"
    os.link(path, backup)
    bilan.today("2026-01-01")
    result = bilan("purge", "--yes")
    assert not path.exists()
    assert BUYER in backup.read_text(encoding="utf-8")   # never written into
    assert "autre nom" in result.stderr and f"facture-{numero}.html" in result.stderr


def _full(*args, **kwargs):
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL
    raise error


def test_an_archive_purge_cut_by_a_full_disk_says_truly_what_it_did(bilan, monkeypatch):
    from bilancli.store.conservation import purge_archives

    bid, numero = _old_invoice(bilan, 2015)
    bilan.today("2026-01-01")
    real = purge_archives._complaint_plans
    calls = []

    def fills_up(conn, today):
        calls.append(1)
        if len(calls) == 2:   # the plan's inventory, then inside the purge's transaction
            _full()
        return real(conn, today)

    monkeypatch.setattr(purge_archives, "_complaint_plans", fills_up)
    result = bilan("purge", "--yes", code=1)
    assert result.key == "PURGE_ARCHIVES_DISQUE_PLEIN", result.stderr
    assert result.error.values["faits"] == 1 and result.error.values["fichiers"] == 1
    assert [r["numero"] for r in bilan.json("factures")] == [numero]   # the rows stay, noted next
    monkeypatch.setattr(purge_archives, "_complaint_plans", real)
    report = bilan.json("purge", "--yes")
    (entry,) = [b for b in report["bilans"] if b["id"] == bid]
    assert {d["nature"] for d in entry["destructions"]} == {"factures", "paiements", "fichiers_factures"}
    assert bilan.json("factures") == []
    assert traces(bilan.home, [BUYER, STREET]) == {}
