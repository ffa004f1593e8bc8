"""The scopes that keep the agenda and the figures fast change none of their results."""

import importlib.util
import random
from datetime import date
from pathlib import Path

import pytest

from bilancli.core.conservation import retention
from bilancli.core.qualite.stats import year_figures
from bilancli.core.semaine.agenda import agenda
from bilancli.core.workdays import WorkCalendar
from bilancli.store import snapshots
from bilancli.store.db import Store

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory):
    """Ten years of a cabinet, built by the benchmark's seed through the store layer."""
    spec = importlib.util.spec_from_file_location("seed", ROOT / "benchmarks" / "seed.py")
    seed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(seed)
    home = tmp_path_factory.mktemp("dix-ans")
    seed.seed(home, 600, 60, TODAY, random.Random(11))
    store = Store(home)
    yield store
    store.close()


def _agenda(conn, scope, today, **columns):
    settings = retention.settings_from_config({}, today)
    summaries = snapshots.load_summaries(conn, scope, **columns)
    dues = retention.purge_dues(snapshots.load_retention_facts(conn, snapshots.summary_dates(summaries)), settings, today)
    return agenda(summaries, today, WorkCalendar(), dues)


@pytest.mark.parametrize("today", [TODAY, date(2027, 6, 1), date(2031, 1, 15)])
def test_the_agenda_scope_drops_only_bilans_that_owe_nothing(ten_years, today):
    conn = ten_years.conn
    scope = _owing(today)
    narrowed = snapshots.load_summaries(conn, scope)
    assert 0 < len(narrowed) < len(snapshots.load_summaries(conn))
    full = _agenda(conn, snapshots.EVERY_BILAN, today)
    assert full and _agenda(conn, scope, today) == full
    # What the agenda's JSON loads: neither names nor money.
    assert _agenda(conn, scope, today, names=False, money=False) == full


@pytest.mark.parametrize("year", range(2016, 2028))
def test_the_year_scope_gives_the_same_figures(ten_years, year):
    conn = ten_years.conn
    minutes = snapshots.minutes_held_in(conn, year)
    full = year_figures(snapshots.load_summaries(conn), year, minutes, TODAY)
    scoped = year_figures(snapshots.load_summaries(conn, snapshots.year_scope(year)), year,
                          minutes, TODAY)
    assert scoped == full


def _owing(today):
    settings = retention.settings_from_config({}, today)
    return snapshots.working_set(retention.anonymisation_cutoff(settings, today), ())


@pytest.mark.parametrize("scope", [_owing(TODAY), snapshots.year_scope(2021)])
def test_a_scope_reads_exactly_its_bilans_as_the_full_load_reads_them(ten_years, scope):
    conn = ten_years.conn
    wanted = {r[0] for r in conn.execute(f"SELECT id FROM bilans WHERE {scope.where}", scope.args)}
    full = {s.id: s for s in snapshots.load_summaries(conn)}
    scoped = snapshots.load_summaries(conn, scope)
    assert 0 < len(scoped) == len(wanted) < len(full)
    assert {s.id: s for s in scoped} == {bid: full[bid] for bid in wanted}
