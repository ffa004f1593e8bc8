"""A year of N bilans for the Qualiopi file, and `bilan qualiopi --json` timed against the floor.

    python benchmarks/qualiopi_year.py [--bilans 10000] [--runs 9] [--work DIR] [--seed-only]
    python benchmarks/qualiopi_year.py --home DIR [--today 2026-11-27]   # a store of seed.py

Every bilan of the store falls in 2026 (opened from September 2025 to October 2026, as
`seed.py` makes them: entretiens, content, syntheses, EDOF, questionnaires answered), and on
top what the file counts: the end questionnaires sent and reminded, the attendance sheets
and certificats rendered, a few réclamations. The floor is `python -c "import sqlite3"`;
runs alternate with it and the median ratio is reported (goal: 10×, issue 22).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import seed as seeding  # noqa: E402
from run import byte_compile, timed  # noqa: E402

from bilancli.core import changes as ch  # noqa: E402
from bilancli.store.db import Store  # noqa: E402

TODAY = date(2026, 12, 31)
YEAR = 2026
GOAL = 10


def seed_year(home: Path, count: int, rng: random.Random) -> None:
    store = Store(home)
    first = date(2025, 9, 1)
    openings = sorted(first + timedelta(days=rng.randrange(425)) for _ in range(count))
    with store.transaction() as tx:   # sealed as the commands seal, as seed.py does
        for n, opened in enumerate(openings):
            ended = opened + timedelta(days=rng.randrange(45, 110))
            fate = "open" if ended > TODAY else ("abandonne" if rng.random() < 0.08 else "termine")
            bid = seeding._one(tx, rng, opened, ended, fate, False, None, TODAY)
            if fate != "open":
                sent = ended + timedelta(days=rng.randrange(0, 3))
                tx.apply(ch.QuestionnaireSent(bid, "fin", min(sent, TODAY), False))
                if rng.random() < 0.3:
                    tx.apply(ch.QuestionnaireSent(bid, "fin", min(sent + timedelta(days=7), TODAY), True))
            for kind in ("emargement", "certificat") if fate != "open" else ("emargement",):
                tx.apply(ch.Rendered(bid, kind, "pdf", f"documents/{bid}/{kind}-{bid}.pdf",
                                        "0" * 64, "conclusion", min(ended, TODAY), None,
                                        "administratif"))
            if n % 200 == 0:
                tx.apply(ch.ComplaintReceived(bid, min(opened + timedelta(days=20), TODAY),
                                                 "beneficiaire", "courriel", "Objet", opened + timedelta(days=50)))
    store.conn.execute("VACUUM")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bilans", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--seed-only", action="store_true")
    parser.add_argument("--home", type=Path, default=None,
                        help="time an existing store (ten years of seed.py) instead")
    parser.add_argument("--today", type=date.fromisoformat, default=TODAY)
    args = parser.parse_args()
    if args.home is not None:
        home = args.home
    else:
        work = args.work or Path(tempfile.mkdtemp(prefix="bilan-qualiopi-"))
        home = work / "home"
        if not (home / "bilans.db").exists():
            seed_year(home, args.bilans, random.Random(2026))
    env = {"PATH": "/usr/bin:/bin", "BILAN_HOME": str(home), "BILAN_TODAY": args.today.isoformat()}
    if args.seed_only:
        print(home)
        return
    byte_compile(env)
    bilan = str(Path(sys.executable).parent / "bilan")
    floor = [sys.executable, "-c", "import sqlite3"]
    out = subprocess.run([bilan, "qualiopi", "--annee", str(YEAR), "--json"], env=env,
                         capture_output=True, check=True).stdout
    print(f"{len(out) // 1024} KiB of JSON")
    # For scale: the year's figures read the same summaries.
    for label, argv, goal in (
            ("bilan qualiopi --json", [bilan, "qualiopi", "--annee", str(YEAR), "--json"], GOAL),
            ("bilan stats --json", [bilan, "stats", "--annee", str(YEAR), "--json"], None),
            ("bilan --version", [bilan, "--version"], None)):
        ratios, times = [], []
        for _ in range(args.runs):
            base = timed(floor, env)
            spent = timed(argv, env)
            ratios.append(spent / base)
            times.append(spent)
        ratio = statistics.median(ratios)
        verdict = "" if goal is None else f", goal ≤ {goal}× — {'ok' if ratio <= goal else 'MISSED'}"
        print(f"{label} ({home}): {ratio:.1f}× the floor "
              f"({statistics.median(times) * 1000:.0f} ms){verdict}")


if __name__ == "__main__":
    main()
