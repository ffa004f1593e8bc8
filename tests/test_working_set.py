"""`agenda` and `purge` read only the bilans that can still owe something (issue 19): the
working set gives exactly what a full inspection of every bilan gives, on a store with
bilans in every state, and it is read through indexes holding only what is left to do."""

import hashlib
import importlib.util
import random
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
import storeio as records
from purge_helpers import make_ended_bilan

from bilancli.core import changes as ch
from bilancli.core.conservation import retention
from bilancli.store import schema, snapshots
from bilancli.store.db import Store
from storeio import apply

ROOT = Path(__file__).resolve().parent.parent
SEEDED_TODAY = date(2026, 11, 27)


def _seed(home) -> None:
    spec = importlib.util.spec_from_file_location("seed", ROOT / "benchmarks" / "seed.py")
    seed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(seed)
    seed.seed(home, 400, 40, SEEDED_TODAY, random.Random(7))


def _one(conn, sql, *args):
    return conn.execute(sql, args).fetchone()[0]


def _settled(conn, *, anonymised: bool) -> list[str]:
    """Seeded bilans with nothing left to do: everything recorded, content purged."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM bilans WHERE a_faire = 0 AND contenu_detruit_le IS NOT NULL "
        f"AND anonymise_le IS {'NOT ' if anonymised else ''}NULL ORDER BY id LIMIT 3")]


@pytest.fixture
def every_state(bilan):
    """Ten years of a cabinet (the benchmark's seed), and beside them the rare states: the
    exceptions of R6313-7, a file the purge could not delete, notes and files written after
    the purge, an administrative file after the anonymisation, a follow-up rendez-vous of a
    closed bilan, an unpaid invoice and an unanswered réclamation on settled bilans, content
    typed after the purge, an ended bilan that never held any content."""
    _seed(bilan.home)
    plain = make_ended_bilan(bilan.home, "W1", end=date(2026, 2, 1))
    make_ended_bilan(bilan.home, "W2", end=date(2026, 2, 1), consents=("conservation",))
    make_ended_bilan(bilan.home, "W3", end=date(2025, 2, 1), consents=("cep", "conservation"))
    cep = make_ended_bilan(bilan.home, "W4", end=date(2025, 6, 1), consents=("cep",))
    make_ended_bilan(bilan.home, "W5", end=date(2020, 1, 6))
    stuck = make_ended_bilan(bilan.home, "W6", end=date(2025, 1, 6))
    path = bilan.home / "documents" / stuck / f"emargement-{stuck}.md"
    path.unlink()
    path.mkdir()                       # cannot be deleted as a file: stays recorded
    (path / "autre").write_text("x")
    bilan.today("2025-07-01")
    bilan("purge", "--yes", code=1)
    store = Store(bilan.home)
    try:
        with store.write() as conn:
            records.record_suivi(conn, cep, date(2025, 12, 2), "Notes après la purge")
            records.add_rendering(conn, plain, kind="certificat", format_="pdf",
                                  path=f"documents/{plain}/certificat-{plain}.pdf", sha256="0" * 64,
                                  phase="termine", on=date(2026, 2, 2), retention="administratif")
            anonymised, settled = _settled(conn, anonymised=True), _settled(conn, anonymised=False)
            data = b"attestation"
            (bilan.home / "documents" / anonymised[0]).mkdir(parents=True, exist_ok=True)
            (bilan.home / "documents" / anonymised[0] / "attestation.md").write_bytes(data)
            records.add_rendering(conn, anonymised[0], kind="attestation", format_="md",
                                  path=f"documents/{anonymised[0]}/attestation.md",
                                  sha256=hashlib.sha256(data).hexdigest(), phase="termine",
                                  on=date(2026, 3, 1), retention="administratif")
            records.plan_rdv(conn, settled[0], start=datetime(2026, 12, 3, 10), minutes=60,
                             on=date(2026, 11, 20))
            apply(conn, ch.InvoiceIssued(settled[1], "facture", date(2026, 10, 1), "entreprise",
                                         100000, 20000, 120000, date(2026, 10, 31), None, {}))
            apply(conn, ch.ComplaintReceived(settled[2], date(2026, 11, 2), "beneficiaire",
                                             "courriel", "Un retard", date(2026, 11, 16)))
            # Content typed after the purge: the next run takes it.
            records.set_content(conn, settled[0], "demande", "Écrit après la purge", date(2026, 3, 1))
            # Ended with nothing recorded of its content, every step noted: only its mark is due.
            _closed(conn, "termine", "plan", missing=None)
            # Each obligation alone left to record.
            for missing in ("suivi", "satisfaction_fin", "satisfaction_suivi"):
                _closed(conn, "termine", "plan", missing=missing)
            for missing in ("edof_entree", "edof_sortie"):
                _closed(conn, "termine", "cpf", missing=missing)
                _closed(conn, "abandonne", "cpf", missing=missing)
            _closed(conn, "abandonne", "plan", missing="satisfaction_fin")
    finally:
        store.close()
    bilan.today(SEEDED_TODAY.isoformat())
    return bilan


def _closed(conn, phase: str, financement: str, missing: str | None) -> str:
    """A bilan ended in January 2026 (one entretien held unless nothing is `missing`), every
    step recorded but `missing`; none of its content recorded, and marked purged unless
    nothing is `missing`."""
    bid = records.create(conn, opened_on=date(2025, 11, 3), admin={
        "nom": "Seul", "prenom": "Paul", "financement": financement})
    if missing is not None:
        records.add_entretien(conn, bid, on=date(2025, 11, 4), minutes=60, modalite="visio",
                              phase="preliminaire")
    end = date(2026, 1, 10)
    records.enter_phase(conn, bid, phase, end, date_fin=end)
    steps = {"suivi": lambda: records.record_suivi(conn, bid, date(2026, 7, 12), None),
             "edof_entree": lambda: records.record_edof(conn, bid, "entree", date(2025, 11, 6)),
             "edof_sortie": lambda: records.record_edof(conn, bid, "sortie", date(2026, 1, 12))}
    for moment in ("fin", "suivi"):
        steps[f"satisfaction_{moment}"] = lambda m=moment: records.record_satisfaction(
            conn, bid, moment=m, note=5, commentaire=None, on=date(2026, 7, 12))
    for step, record in steps.items():
        if step != missing and (phase == "termine" or not step.endswith("suivi")) and (
                financement == "cpf" or not step.startswith("edof")):
            record()
    if missing is not None:   # purged, as a regular `bilan purge` leaves it: only `missing` is owed
        conn.execute("UPDATE bilans SET contenu_detruit_le = ? WHERE id = ?", (end.isoformat(), bid))
    return bid


def _full_inspection(monkeypatch):
    """Every bilan read, as before the working set."""
    monkeypatch.setattr(snapshots, "working_set", lambda *args, **kwargs: snapshots.EVERY_BILAN)


@pytest.mark.parametrize("today", ["2026-11-27", "2027-06-01", "2031-01-15", "2040-01-02"])
@pytest.mark.parametrize("config", ["", '[conservation]\nduree = "3 ans"\nadministratif = "12 ans"\n'])
def test_agenda_and_purge_read_the_working_set_and_say_what_a_full_inspection_says(
        every_state, monkeypatch, today, config):
    bilan = every_state
    (bilan.home / "config.toml").write_text(config, encoding="utf-8")
    bilan.today(today)
    commands = (("agenda", "--json"), ("agenda",), ("purge", "--dry-run", "--json"),
                ("purge", "--dry-run"))
    # A purge --dry-run whose files are not all there fails (exit 1) the same way both times.
    narrowed = {c: bilan(*c, code=None) for c in commands}
    with monkeypatch.context() as full:
        _full_inspection(full)
        for command in commands:
            result = bilan(*command, code=None)
            assert (result.exit_code, result.stdout, result.stderr) == (
                narrowed[command].exit_code, narrowed[command].stdout, narrowed[command].stderr)
    assert narrowed["agenda", "--json"].stdout.count('"quoi"') > 10


def test_the_working_set_leaves_out_the_settled_bilans(every_state):
    conn = sqlite3.connect(every_state.home / "bilans.db")
    settings = retention.settings_from_config({}, SEEDED_TODAY)
    cutoff = retention.anonymisation_cutoff(settings, SEEDED_TODAY)
    try:
        every = _one(conn, "SELECT COUNT(*) FROM bilans")
        agenda = snapshots.working_set(cutoff, ())
        purge = snapshots.working_set(cutoff)
        owing = _one(conn, f"SELECT COUNT(*) FROM bilans WHERE {agenda.where}", *agenda.args)
        purgeable = _one(conn, f"SELECT COUNT(*) FROM bilans WHERE {purge.where}", *purge.args)
    finally:
        conn.close()
    assert 0 < purgeable < owing < every / 2


def test_each_condition_of_the_working_set_is_read_through_an_index(every_state):
    """Scanning a table whose rows stay after their purge (bilans, entretiens, suivis…) would
    cost every bilan ever stored; `champs` and `documents` hold only what is left."""
    conn = sqlite3.connect(every_state.home / "bilans.db")
    scope = snapshots.working_set(date(2021, 11, 30), ("B2026-001",))
    try:
        plan = [row[-1] for row in conn.execute(
            f"EXPLAIN QUERY PLAN SELECT id FROM bilans WHERE {scope.where}", scope.args)]
    finally:
        conn.close()
    scans = [step for step in plan if step.startswith("SCAN ")]
    assert scans
    for step in scans:
        table = step.split()[1]
        assert table in ("champs", "documents", "json_each") or " USING INDEX " in step, step


def test_a_faire_follows_every_record_whatever_writes_it(bilan):
    """Kept by triggers: a writer, a raw statement or a migration give the same flag."""
    bid = make_ended_bilan(bilan.home, "A1", end=date(2026, 2, 1))   # cpf, suivi recorded
    conn = sqlite3.connect(bilan.home / "bilans.db")
    flag = lambda: _one(conn, "SELECT a_faire FROM bilans WHERE id = ?", bid)  # noqa: E731
    try:
        assert flag() == 1                      # six-month questionnaire, EDOF still owed
        with conn:
            for statement in ("INSERT INTO satisfactions (bilan_id, moment, note, date) "
                              "VALUES (?, 'suivi', 4, '2026-08-01')",
                              "INSERT INTO edof (bilan_id, sens, date) VALUES (?, 'entree', '2025-01-08')"):
                conn.execute(statement, (bid,))
        assert flag() == 1                      # the EDOF exit is still owed
        with conn:
            conn.execute("INSERT INTO edof (bilan_id, sens, date) VALUES (?, 'sortie', '2026-02-03')",
                         (bid,))
        assert flag() == 0
        with conn:
            conn.execute("DELETE FROM suivis WHERE bilan_id = ?", (bid,))
        assert flag() == 1
        with conn:
            conn.execute("INSERT INTO suivis (bilan_id, date) VALUES (?, '2026-08-01')", (bid,))
        assert flag() == 0
        with conn:
            conn.execute("UPDATE bilans SET phase = 'investigation' WHERE id = ?", (bid,))
        assert flag() == 1
        with conn:
            conn.execute("UPDATE bilans SET phase = 'termine' WHERE id = ?", (bid,))
        assert flag() == 0
        # The migration's own statement, run over every bilan, agrees with the triggers.
        with conn:
            conn.execute("UPDATE bilans SET a_faire = 1 - a_faire")
            conn.execute(schema.WORKING_SET[1])
        assert flag() == 0
    finally:
        conn.close()
