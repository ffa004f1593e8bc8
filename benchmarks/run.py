"""Time whole `bilan` commands against the interpreter's floor, on a seeded store.

    python benchmarks/run.py [--bilans 10000] [--due 1000] [--runs 15] [--work DIR]

The floor is `python -c "import sqlite3"` of the same virtual environment. Each
command is run alternately with the floor and the median of the ratios is
reported, with the peak memory (max RSS) of the command. `bilan purge --yes`
runs on fresh copies of a store where `--due` bilans fall due, against a plain
`VACUUM` of the same copies.

The package is byte-compiled first, as `pip install` leaves it on a consultant's
machine: a run with PYTHONDONTWRITEBYTECODE set would otherwise recompile every
module of bilancli at each start and time the compiler, not the command.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-27"
GOALS = {
    "bilan --help": 5, "bilan show ID": 6, "bilan show ID --json": 4, "bilan list --json": 5,
    "bilan agenda --json": 8, "bilan stats --json": 8,
}
MEMORY_GOAL_MB = 60


def timed(argv: list[str], env: dict) -> tuple[float, float]:
    """Wall time (s) and peak RSS (MB) of one run; a failing command stops the benchmark."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.read().decode()}")
    proc.stderr.close()
    return elapsed, usage.ru_maxrss / 1024


def byte_compile(env: dict) -> None:
    """Write the .pyc files of the bilancli that `bilan` imports (compileall writes them even
    under PYTHONDONTWRITEBYTECODE)."""
    where = subprocess.run([sys.executable, "-c", "import bilancli; print(bilancli.__path__[0])"],
                           env=env, capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], env=env, check=True)


def compare(argv, floor, env, runs, prepare=None) -> tuple[float, float, float]:
    """Median ratio to the floor, median time (ms), peak memory (MB)."""
    ratios, times, peak = [], [], 0.0
    for _ in range(runs):
        if prepare:
            prepare()
        base, _ = timed(floor, env)
        if prepare:
            prepare()
        spent, rss = timed(argv, env)
        ratios.append(spent / base)
        times.append(spent)
        peak = max(peak, rss)
    return statistics.median(ratios), statistics.median(times) * 1000, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bilans", type=int, default=10_000)
    parser.add_argument("--due", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--purge-runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    bilan = str(Path(sys.executable).parent / "bilan")
    work = args.work or Path(tempfile.mkdtemp(prefix="bilan-bench-"))
    seeded = work / "seeded"
    if not (seeded / "bilans.db").exists():
        subprocess.run([sys.executable, str(HERE / "seed.py"), "--home", str(seeded),
                        "--bilans", str(args.bilans), "--due", str(args.due), "--today", TODAY], check=True)
    home = work / "home"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(seeded, home)
    env = {**os.environ, "BILAN_HOME": str(home), "BILAN_TODAY": TODAY}
    byte_compile(env)
    listing = json.loads(subprocess.run([bilan, "list", "--json"], env=env, capture_output=True, check=True).stdout)
    target = next(row["id"] for row in listing if row["phase"] == "conclusion")
    floor = [sys.executable, "-c", "import sqlite3"]
    rows = []
    for label, argv in (
        ("bilan --help", ["--help"]),
        ("bilan show ID", ["show", target]),
        ("bilan show ID --json", ["show", target, "--json"]),
        ("bilan list --json", ["list", "--json"]),
        ("bilan agenda --json", ["agenda", "--json"]),
        ("bilan stats --json", ["stats", "--json"]),
        ("bilan synthese render ID --format md", ["synthese", "render", target, "--format", "md"]),
    ):
        ratio, ms, mb = compare([bilan, *argv], floor, env, args.runs)
        rows.append((label, ratio, ms, mb, GOALS.get(label)))

    purge_home = work / "purge"
    db = purge_home / "bilans.db"

    def fresh_copy():
        shutil.rmtree(purge_home, ignore_errors=True)
        shutil.copytree(seeded, purge_home)

    vacuum = [sys.executable, "-c", f"import sqlite3; sqlite3.connect({str(db)!r}).execute('VACUUM')"]
    purge_env = {**env, "BILAN_HOME": str(purge_home)}
    ratio, ms, mb = compare([bilan, "purge", "--yes"], vacuum, purge_env, args.purge_runs, fresh_copy)
    rows.append((f"bilan purge --yes ({args.due} dus) / VACUUM", ratio, ms, mb, 3))

    floor_ms = statistics.median(timed(floor, env)[0] for _ in range(args.runs)) * 1000
    print(f"store: {args.bilans} bilans, {(home / 'bilans.db').stat().st_size / 2**20:.0f} MiB; "
          f"floor `python -c \"import sqlite3\"`: {floor_ms:.0f} ms; {args.runs} runs, medians\n")
    print("| command | × floor | goal | median | peak memory |")
    print("| --- | --- | --- | --- | --- |")
    failed = False
    for label, ratio, ms, mb, goal in rows:
        ok = (goal is None or ratio <= goal) and mb <= MEMORY_GOAL_MB
        failed |= not ok
        goal_text = f"≤ {goal}" if goal else "—"
        print(f"| `{label}` | {ratio:.2f} | {goal_text} | {ms:.0f} ms | {mb:.0f} MB{'' if ok else ' ✗'} |")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
