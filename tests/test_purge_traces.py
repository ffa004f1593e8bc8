"""Nothing of what the purge destroyed survives on disk, even after a `kill -9`."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from purge_helpers import (
    CONTENT_KINDS,
    PURGED,
    UNTOUCHED,
    make_ended_bilan,
    marker,
    matches,
    state,
)

import bilancli


def every_file(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if p.is_file()]


def traces(home: Path, needles: list[str]) -> dict[str, list[str]]:
    """Each needle found in the raw bytes of any file under BILAN_HOME (utf-8 and utf-16)."""
    found: dict[str, list[str]] = {}
    blobs = {p: p.read_bytes() for p in every_file(home)}
    for needle in needles:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            encoded = needle.encode(encoding)
            found.setdefault(needle, []).extend(
                f"{p.name} ({encoding})" for p, data in blobs.items() if encoded in data)
        if not found[needle]:
            del found[needle]
    return found


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_no_destroyed_content_survives_anywhere_under_bilan_home(bilan, journal_mode):
    kept = make_ended_bilan(bilan.home, "KEEP", end=date(2026, 2, 1), consents=("conservation",))
    gone = make_ended_bilan(bilan.home, "GONE", end=date(2026, 2, 1))
    cep = make_ended_bilan(bilan.home, "CEPX", end=date(2024, 6, 1), consents=("cep",))
    old = make_ended_bilan(bilan.home, "OLD", end=date(2020, 6, 1), nom="Quixotesquename")
    conn = sqlite3.connect(bilan.home / "bilans.db")
    assert conn.execute(f"PRAGMA journal_mode = {journal_mode}").fetchone()[0] == journal_mode
    conn.close()
    destroyed = [marker(tag, kind) for tag in ("GONE", "CEPX", "OLD") for kind in CONTENT_KINDS]
    destroyed.append("Quixotesquename")
    kept_markers = [marker("KEEP", kind) for kind in CONTENT_KINDS]
    # The scan sees every marker before the purge: it can fail.
    assert set(traces(bilan.home, destroyed + kept_markers)) == set(destroyed + kept_markers)

    report = bilan("purge", "--yes", "--json").stdout
    assert "QZX" not in report and "Quixotesquename" not in report

    assert traces(bilan.home, destroyed) == {}
    # The bilan kept: sealed by this first write (SPEC §15), its content there all the same;
    # in clear only in the files written for a person to open.
    assert set(traces(bilan.home, kept_markers)) == {marker("KEEP", k) for k in ("FICHIER", "SYNTHFICHIER")}
    assert bilan.json("show", kept)["champs"]["demande"] == marker("KEEP", "CHAMP")
    assert matches(state(bilan.home, kept), UNTOUCHED)
    for bid in (gone, cep, old):
        assert matches(state(bilan.home, bid), PURGED)
    assert state(bilan.home, old)["nom"] is None
    wal = bilan.home / "bilans.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


def _run_purge(home: Path) -> subprocess.Popen:
    env = dict(os.environ, BILAN_HOME=str(home), BILAN_TODAY="2026-03-02",
               PYTHONPATH=str(Path(bilancli.__file__).parents[1]))
    return subprocess.Popen([sys.executable, "-m", "bilancli", "purge", "--yes", "--json"], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _check_each_bilan_untouched_or_purged(home: Path, ids: list[str]) -> int:
    """The invariant after any kill; returns how many bilans are fully purged."""
    purged = 0
    for bid in ids:
        found = state(home, bid)
        if matches(found, PURGED) and found["contenu_detruit_le"] == "2026-03-02":
            # A purged bilan has no file left either.
            # A purged bilan has no file of content left (its administrative one stays).
            folder = home / "documents" / bid
            assert not folder.exists() or [p.name for p in folder.iterdir()] == [f"convention-{bid}.md"]
            purged += 1
        else:
            # Untouched: its record is whole (some due files may already be destroyed).
            assert matches(found, UNTOUCHED), repr((bid, found))
    return purged


def _killed_after(home: Path, delay: float) -> bool:
    """Run a purge and kill -9 it after `delay` seconds; False if it had already finished."""
    process = _run_purge(home)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True


def test_a_purge_killed_at_any_moment_leaves_each_bilan_whole_or_purged(tmp_path):
    pristine = tmp_path / "pristine"
    ids = [make_ended_bilan(pristine, f"K{i:03d}", end=date(2026, 1, 1 + i % 28)) for i in range(60)]
    timing = tmp_path / "timing"
    shutil.copytree(pristine, timing)
    started = time.monotonic()
    assert not _killed_after(timing, 120)
    low, high = 0.0, time.monotonic() - started   # killed at `high`, it would be done

    # Home in on the moment a kill lands part-way: some bilans purged, some untouched.
    partial, tries, deadline = None, 0, time.monotonic() + 60
    while partial is None and tries < 30 and time.monotonic() < deadline:
        tries += 1
        home = tmp_path / f"try{tries}"
        shutil.copytree(pristine, home)
        delay = (low + high) / 2
        if not _killed_after(home, delay):
            high = delay
            continue
        purged = _check_each_bilan_untouched_or_purged(home, ids)
        if purged == 0:
            low = delay
        elif purged == len(ids):
            high = delay
        else:
            partial = home
    assert partial is not None, f"no kill landed part-way in {tries} tries"

    # More kills on the half-purged store, then a clean run finishes the work.
    for delay in (0.05, (low + high) / 2, high):
        _killed_after(partial, delay)
        _check_each_bilan_untouched_or_purged(partial, ids)
    process = _run_purge(partial)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()
    assert _check_each_bilan_untouched_or_purged(partial, ids) == len(ids)
    destroyed = [marker(f"K{i:03d}", kind) for i in range(60) for kind in CONTENT_KINDS]
    assert traces(partial, destroyed) == {}
    assert not (partial / "bilans.db-journal").exists()
    assert not [p.name for p in partial.rglob(".*.bilan-purge")]
