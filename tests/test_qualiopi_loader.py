"""The Qualiopi file's one-pass loader reads what the per-bilan queries read, bilan by bilan,
on ten years of a cabinet with bilans in every state (SPEC §14)."""

import importlib.util
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from bilancli.core import changes as ch
from bilancli.store import snapshots
from bilancli.store.db import Store
from bilancli.store.qualite.quality import load_year_file
from bilancli.store.writes import apply

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 27)
# What the file reads of a summary; the loader leaves the rest None.
READ = ("id", "phase", "date_ouverture", "nom", "prenom", "financement", "date_fin",
        "convention", "first_entretien", "minutes_delivered", "suivi_on", "satisfaction", "edof",
        "suivi_not_held", "questionnaires")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Ten years of the benchmark's seed, and on top what the file counts: attendance sheets,
    certificats and syntheses rendered (some still provisional), questionnaires sent and
    reminded, invoices, signed conventions kept."""
    spec = importlib.util.spec_from_file_location("seed", ROOT / "benchmarks" / "seed.py")
    seed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(seed)
    home = tmp_path_factory.mktemp("dix-ans")
    seed.seed(home, 600, 60, TODAY, random.Random(7))
    rng = random.Random(22)
    store = Store(home)
    with store.write() as conn:
        rows = conn.execute("SELECT id, date_ouverture, date_fin, phase FROM bilans").fetchall()
        for n, (bid, opened, ended, phase) in enumerate(rows):
            on = date.fromisoformat(ended or opened)
            for kind in ("emargement", "certificat", "synthese"):
                for _ in range(rng.randrange(3)):
                    day = on - timedelta(days=rng.randrange(60))
                    apply(conn, ch.Rendered(bid, kind, "pdf", f"documents/{bid}/{kind}-{n}.pdf",
                                            "0" * 64, rng.choice(("conclusion", "investigation")),
                                            day, rng.choice((None, None, f"{kind}.tmp")),
                                            "administratif"))
            if ended and rng.random() < 0.5:
                apply(conn, ch.QuestionnaireSent(bid, "fin", on, False))
                if rng.random() < 0.4:
                    apply(conn, ch.QuestionnaireSent(bid, "fin", on + timedelta(days=7), True))
            for _ in range(rng.randrange(3) if phase != "preliminaire" else 0):
                apply(conn, ch.InvoiceIssued(bid, "facture", on, "beneficiaire", 100, 0, 100,
                                             on + timedelta(days=30), None, {}))
            if rng.random() < 0.3:
                conn.execute("UPDATE conventions SET preuve_sha256 = ? WHERE bilan_id = ?",
                             ("0" * 64, bid))
    yield store
    store.close()


def _per_bilan(conn, year: int):
    """The old way, a handful of queries per bilan of the year's scope."""
    first, last = f"{year:04d}-01-01", f"{year:04d}-12-31"
    scope = snapshots.year_scope(year)
    facts, synthesis, minutes = {}, set(), {}
    for (bid, phase, ended) in conn.execute(
            f"SELECT id, phase, date_fin FROM bilans WHERE {scope.where}", scope.args).fetchall():
        one = lambda sql, *args: conn.execute(sql, (bid, *args)).fetchone()[0]  # noqa: E731
        modes = sorted(r[0] for r in conn.execute(
            "SELECT DISTINCT modalite FROM entretiens WHERE bilan_id = ?", (bid,)))
        rendered = {kind: one("SELECT MAX(cree_le) FROM rendus WHERE bilan_id = ? AND genre = ? "
                              "AND provisoire IS NULL", kind) for kind in ("emargement", "certificat")}
        numbers = [r[0] for r in conn.execute(
            "SELECT numero FROM factures WHERE bilan_id = ? ORDER BY annee, rang", (bid,))]
        proof = one("SELECT COUNT(*) FROM conventions WHERE bilan_id = ? "
                    "AND preuve_sha256 IS NOT NULL") > 0
        if modes or rendered["emargement"] or rendered["certificat"] or numbers or proof:
            facts[bid] = (modes, rendered["emargement"], rendered["certificat"], numbers, proof)
        if phase == "termine" and first <= ended <= last and (
                one("SELECT COUNT(*) FROM rendus WHERE bilan_id = ? AND genre = 'synthese' "
                    "AND phase = 'conclusion' AND provisoire IS NULL")
                or one("SELECT COUNT(*) FROM documents WHERE bilan_id = ? AND type = 'synthese' "
                       "AND phase = 'conclusion'")):
            synthesis.add(bid)
        held = one("SELECT SUM(duree_minutes) FROM entretiens WHERE bilan_id = ? "
                   "AND date BETWEEN ? AND ?", first, last)
        if held:
            minutes[bid] = held
    return facts, synthesis, minutes


@pytest.mark.parametrize("year", range(2016, 2028))
def test_the_one_pass_loader_reads_what_the_per_bilan_queries_read(store, year):
    conn = store.conn
    loaded = load_year_file(conn, year, names=True)
    facts, synthesis, minutes = _per_bilan(conn, year)
    full = {s.id: s for s in snapshots.load_summaries(conn, snapshots.year_scope(year))}
    assert {s.id for s in loaded.summaries} == set(full)
    for s in loaded.summaries:
        assert {f: getattr(s, f) for f in READ} == {f: getattr(full[s.id], f) for f in READ}
    assert loaded.minutes_held == minutes == snapshots.minutes_held_in(conn, year)
    assert {bid: tuple(f) for bid, f in loaded.records.facts.items()} == facts
    assert loaded.records.synthesis_in_conclusion == synthesis
    # Not vacuous: the year has bilans of each kind the loader treats apart.
    first = date(year, 1, 1)
    if 2017 <= year <= 2026:
        assert facts and synthesis and minutes
        assert any(f[3] for f in facts.values()) and any(f[4] for f in facts.values())
        assert any(s.first_entretien < first and s.id in minutes for s in loaded.summaries)
        assert year == 2017 or any(s.first_entretien and s.id not in minutes
                                   for s in loaded.summaries)
        assert any(s.first_entretien and s.first_entretien >= first and s.id in minutes
                   for s in loaded.summaries)



def _no_holidays(years):
    raise AssertionError("the holiday calendar was consulted")


@pytest.mark.parametrize("made, expected", [
    (date(2026, 3, 5), True),      # within three calendar days: surely in time
    (date(2026, 3, 20), False),    # more than twelve days after: surely late
    (None, False),                 # still not made more than twelve days after
])
def test_an_edof_declaration_judged_without_the_holidays_when_it_can_be(made, expected):
    """The holiday calendar costs the import of every country's holidays (~140 ms): a
    declaration made, or missing, far from its deadline is judged without it."""
    from bilancli.core.qualite.qualiopi import _declared_in_time
    from bilancli.core.workdays import WorkCalendar

    calendar = WorkCalendar(_no_holidays)
    assert _declared_in_time(made, date(2026, 3, 2), date(2026, 6, 1), calendar) is expected
    # Near the deadline the calendar decides, and says the same as before.
    assert _declared_in_time(date(2026, 3, 6), date(2026, 3, 2), date(2026, 6, 1),
                             WorkCalendar()) is False
