"""Time whole `bilan` commands against the interpreter's floor, on a seeded store.

    python benchmarks/run.py [--bilans 10000] [--large 100000] [--due 1000] [--runs 15] [--work DIR]

The floor is `python -c "import sqlite3"` of the same virtual environment. Each
command is run alternately with the floor and the median of the ratios is
reported. Its peak memory is that of the command alone, measured by GNU time
(`/usr/bin/time -f %M`): `os.wait4`'s `ru_maxrss` would also count the Python parent
that forked it. `bilan purge --yes` runs on fresh copies of a store where `--due`
bilans fall due, against a plain `VACUUM` of the same copies.

The package is byte-compiled first, as `pip install` leaves it on a consultant's
machine: a run with PYTHONDONTWRITEBYTECODE set would otherwise recompile every
module of bilancli at each start and time the compiler, not the command.

Write commands run on bilans opened for the benchmark (`bilan new`), so that every
run is accepted (an entretien of 30 minutes each time stays far below 24 hours).

Encryption at rest (SPEC §15): the stores are seeded sealed, as the commands seal them, their
keys in a configuration folder of the benchmark's own (`XDG_CONFIG_HOME` under `--work`, never
under a store's BILAN_HOME, never the machine's key ring: the master key is a key file). Each
copy a run works on gets its own copy of those keys: a purge destroys the keys of what it
destroys, and the next copy must find them as seeded; the commands' store keeps the keys
its writes made.

Scale: `agenda` and `purge --dry-run` run again on a store of `--large` bilans with the
same `--due` left to the purge. They should cost what is due, not what is stored: their
time there is compared with their time on the `--bilans` store (goal ≤ 2×), and their
peak memory with the same 60 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-27"
MEMORY_GOAL_MB = 60
SCALE_GOAL = 2      # time on the large store ÷ time on the usual one
SCALED = (("bilan agenda", ["agenda"]), ("bilan agenda --json", ["agenda", "--json"]),
          ("bilan purge --dry-run", ["purge", "--dry-run"]))
GNU_TIME = "/usr/bin/time"


def timed(argv: list[str], env: dict, stdin: bytes | None = None) -> float:
    """Wall time (s) of one run; a failing command stops the benchmark."""
    started = time.perf_counter()
    proc = subprocess.run(argv, env=env, input=stdin, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.decode()}")
    return elapsed


def peak_memory(argv: list[str], env: dict) -> float | None:
    """Peak RSS (MB) of the command alone, by GNU time; None where it is not installed."""
    if not os.path.exists(GNU_TIME):
        return None
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run([GNU_TIME, "-f", "%M", "-o", report.name, *argv], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        return int(report.read().split()[-1]) / 1024


def byte_compile(env: dict) -> None:
    """Write the .pyc files of the bilancli that `bilan` imports (compileall writes them even
    under PYTHONDONTWRITEBYTECODE)."""
    where = subprocess.run([sys.executable, "-c", "import bilancli; print(bilancli.__path__[0])"],
                           env=env, capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], env=env, check=True)


def compare(argv, floor, env, runs, prepare=None) -> tuple[float, float, float | None]:
    """Median ratio to the floor, median time (ms), peak memory (MB)."""
    ratios, times = [], []
    for _ in range(runs):
        if prepare:
            prepare()
        base = timed(floor, env)
        if prepare:
            prepare()
        spent = timed(argv, env)
        ratios.append(spent / base)
        times.append(spent)
    if prepare:
        prepare()
    return statistics.median(ratios), statistics.median(times) * 1000, peak_memory(argv, env)


# The key ring is never asked: the master key goes to a key file beside the data keys.
NO_KEY_RING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def _seeded(folder: Path, count: int, due: int, keys: Path) -> Path:
    """The seeded store of `count` bilans, kept in `folder` from one run to the next; its
    keys under `keys` (the XDG_CONFIG_HOME of the seeding)."""
    if not (folder / "bilans.db").exists():
        env = {**os.environ, **NO_KEY_RING, "XDG_CONFIG_HOME": str(keys)}
        env.pop("BILAN_CLE", None)
        subprocess.run([sys.executable, str(HERE / "seed.py"), "--home", str(folder),
                        "--bilans", str(count), "--due", str(due), "--today", TODAY],
                       check=True, env=env)
    return folder


def _sealed(db: Path) -> str:
    """How much of the seeded content is sealed (fields, notes, documents): said with the table."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        total = sealed = 0
        for table, column in (("champs", "valeur"), ("entretiens", "notes"), ("documents", "contenu")):
            n, s = conn.execute(f"SELECT COUNT({column}), COALESCE(SUM(substr(CAST({column} AS BLOB), 1, 4)"
                                f" = X'00424331'), 0) FROM {table}").fetchone()
            total, sealed = total + n, sealed + s
    finally:
        conn.close()
    return f"{sealed} of {total} content values sealed"


def _fresh_keys(seeded_keys: Path, keys: Path) -> None:
    """The keys as seeded, for a run's copy of a store (a purge destroys some)."""
    shutil.rmtree(keys, ignore_errors=True)
    if seeded_keys.exists():
        shutil.copytree(seeded_keys, keys)


def _open_bilan(bilan: str, env: dict, financement: str) -> str:
    out = subprocess.run([bilan, "new", "--nom", "Banc", "--prenom", "Essai", "--financement",
                          financement, "--format", "mixte", "--date", TODAY, "--json"],
                         env=env, capture_output=True, check=True).stdout
    return json.loads(out)["id"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bilans", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000,
                        help="bilans of the store the scale rows run on (0: none)")
    parser.add_argument("--due", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--purge-runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--only", default=None, help="only the commands whose label holds this text")
    args = parser.parse_args()
    bilan = str(Path(sys.executable).parent / "bilan")
    work = args.work or Path(tempfile.mkdtemp(prefix="bilan-bench-"))
    seeded_keys, keys = work / "seeded-config", work / "config"
    seeded = _seeded(work / "seeded", args.bilans, args.due, seeded_keys)
    home = work / "home"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(seeded, home)
    _fresh_keys(seeded_keys, keys)
    env = {**os.environ, **NO_KEY_RING, "BILAN_HOME": str(home), "BILAN_TODAY": TODAY,
           "XDG_CONFIG_HOME": str(keys)}
    env.pop("COLUMNS", None)
    env.pop("BILAN_CLE", None)
    byte_compile(env)
    listing = json.loads(subprocess.run([bilan, "list", "--json"], env=env, capture_output=True, check=True).stdout)
    target = next(row["id"] for row in listing if row["phase"] == "conclusion")
    fresh = _open_bilan(bilan, env, "cpf")
    subprocess.run([bilan, "consent", fresh, "bilan", "--date", TODAY], env=env, check=True,
                   capture_output=True)
    floor = [sys.executable, "-c", "import sqlite3"]
    commands = (
        # label, argv, goal (× floor)
        ("bilan --help", ["--help"], 8),
        ("bilan show ID", ["show", target], 8),
        ("bilan show ID --json", ["show", target, "--json"], 5),
        ("bilan phase show ID", ["phase", "show", target], 5),
        ("bilan entretien list ID", ["entretien", "list", target], 5),
        ("bilan set ID demande TEXTE", ["set", fresh, "demande", "Un texte du bilan."], 5),
        ("bilan entretien add ID", ["entretien", "add", fresh, "--date", TODAY, "--duree", "30min"], 5),
        # A consent in force is not given twice: each run first withdraws it, untimed.
        ("bilan consent ID employeur", ["consent", fresh, "employeur", "--date", TODAY], 5,
         [bilan, "consent", fresh, "employeur", "--retirer", "--date", TODAY]),
        ("bilan list", ["list"], 10),
        ("bilan list --json", ["list", "--json"], 6),
        ("bilan agenda", ["agenda"], 10),
        ("bilan agenda --json", ["agenda", "--json"], 10),
        ("bilan rdv list --json", ["rdv", "list", "--json"], 5),
        # A phone polls the same calendar every few minutes: kept while its events do not
        # change (cache/calendrier.ics); the first run after a change writes it with icalendar.
        ("bilan calendrier", ["calendrier"], 5),
        ("bilan calendrier (après un changement)", ["calendrier"], None,
         ["rm", "-f", str(home / "cache" / "calendrier.ics")]),
        ("bilan stats", ["stats"], 10),
        ("bilan stats --json", ["stats", "--json"], 10),
        ("bilan purge --dry-run", ["purge", "--dry-run"], 12),
        ("bilan synthese render ID --format md", ["synthese", "render", target, "--format", "md"], None),
    )
    rows = []
    for label, argv, goal, *before in commands:
        if args.only and args.only not in label:
            continue
        prepare = None
        if before:
            def prepare(undo=before[0]):
                subprocess.run(undo, env=env, capture_output=True)   # refused when not in force: fine
        ratio, ms, mb = compare([bilan, *argv], floor, env, args.runs, prepare)
        rows.append((label, ratio, ms, mb, goal))

    if not args.only or "purge" in args.only:
        purge_home = work / "purge"
        db = purge_home / "bilans.db"
        purge_keys = work / "config-purge"   # its own: the store of `home` keeps its keys

        def fresh_copy():
            shutil.rmtree(purge_home, ignore_errors=True)
            shutil.copytree(seeded, purge_home)
            _fresh_keys(seeded_keys, purge_keys)

        vacuum = [sys.executable, "-c", f"import sqlite3; sqlite3.connect({str(db)!r}).execute('VACUUM')"]
        purge_env = {**env, "BILAN_HOME": str(purge_home), "XDG_CONFIG_HOME": str(purge_keys)}
        ratio, ms, mb = compare([bilan, "purge", "--yes"], vacuum, purge_env, args.purge_runs, fresh_copy)
        rows.append((f"bilan purge --yes ({args.due} dus) / VACUUM", ratio, ms, mb, 3))

    scaled, due_lines = [], None
    if args.large:
        large_home = work / "home-large"
        shutil.rmtree(large_home, ignore_errors=True)
        shutil.copytree(_seeded(work / f"seeded-{args.large}", args.large, args.due, seeded_keys),
                        large_home)
        large_keys = work / "config-large"
        _fresh_keys(seeded_keys, large_keys)
        large_env = {**env, "BILAN_HOME": str(large_home), "XDG_CONFIG_HOME": str(large_keys)}
        usual = {label: ms for label, _, ms, _, _ in rows}
        # What is due on each store: the agenda's lines, which the scale rows are read against.
        due_lines = [len(json.loads(subprocess.run([bilan, "agenda", "--json"], env=e, check=True,
                                                   capture_output=True).stdout))
                     for e in (env, large_env)]
        for label, argv in SCALED:
            if label not in usual:
                continue
            ratio, ms, mb = compare([bilan, *argv], floor, large_env, args.runs)
            scaled.append((label, ratio, ms, ms / usual[label], mb))

    floor_ms = statistics.median(timed(floor, env) for _ in range(args.runs)) * 1000
    print(f"store: {args.bilans} bilans, {(home / 'bilans.db').stat().st_size / 2**20:.0f} MiB; "
          f"{_sealed(home / 'bilans.db')}; "
          f"floor `python -c \"import sqlite3\"`: {floor_ms:.0f} ms; {args.runs} runs, medians\n")
    print("| command | × floor | goal | median | peak memory |")
    print("| --- | --- | --- | --- | --- |")
    failed = False
    for label, ratio, ms, mb, goal in rows:
        ok = (goal is None or ratio <= goal) and (mb is None or mb <= MEMORY_GOAL_MB)
        failed |= not ok
        goal_text = f"≤ {goal}" if goal else "—"
        memory = "—" if mb is None else f"{mb:.0f} MB"
        print(f"| `{label}` | {ratio:.2f} | {goal_text} | {ms:.0f} ms | {memory}{'' if ok else ' ✗'} |")
    if scaled:
        print(f"\nagenda lines due: {due_lines[0]} at {args.bilans} bilans, {due_lines[1]} at "
              f"{args.large}")
        print(f"\n| command at {args.large} bilans ({args.due} due) | × floor | median "
              f"| × at {args.bilans} | goal | peak memory |")
        print("| --- | --- | --- | --- | --- | --- |")
        for label, ratio, ms, growth, mb in scaled:
            ok = growth <= SCALE_GOAL and (mb is None or mb <= MEMORY_GOAL_MB)
            failed |= not ok
            memory = "—" if mb is None else f"{mb:.0f} MB"
            print(f"| `{label}` | {ratio:.2f} | {ms:.0f} ms | {growth:.2f} | ≤ {SCALE_GOAL} "
                  f"| {memory}{'' if ok else ' ✗'} |")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
