"""Time `bilan import` on large spreadsheets: its cost must grow with the rows, no faster.

    python benchmarks/import_scale.py [--rows 100000] [--work DIR]

Three files, each imported into an empty store with `--json`: `rows` bilans for as many
people; `rows` bilans for one person already open (the duplicate warning, once for the
person, SPEC §12); and a fifth of that for one person with a CPF tarif over the cap (the
same warning on every row). Reported: wall time, peak memory of the command alone (GNU
time), and the bytes written on stderr (its warnings).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = "2026-03-02"
GNU_TIME = "/usr/bin/time"


def sheets(folder: Path, rows: int) -> dict[str, Path]:
    files = {
        f"{rows} personnes": ("nom;prenom\n", lambda i: f"Nom{i};Prénom{i}\n"),
        f"{rows} lignes, une personne": ("nom;prenom\n", lambda i: "Martin;Zoé\n"),
        f"{rows // 5} lignes, une personne, tarif CPF": (
            "nom;prenom;financement;tarif\n", lambda i: "Martin;Zoé;cpf;1800\n"),
    }
    written = {}
    for label, (header, line) in files.items():
        count = int(label.split()[0])
        path = folder / f"{len(written)}.csv"
        with open(path, "w", encoding="utf-8") as out:
            out.write(header)
            out.writelines(line(i) for i in range(count))
        written[label] = path
    return written


def run(path: Path, home: Path) -> tuple[float, float | None, int]:
    """Seconds, peak MB (None without GNU time), stderr bytes of one import into a new store."""
    env = {**os.environ, "BILAN_HOME": str(home), "BILAN_TODAY": TODAY}
    env.pop("BILAN_DEBUG", None)
    bilan = [sys.executable, "-m", "bilancli"]
    subprocess.run([*bilan, "new", "--nom", "Martin", "--prenom", "Zoé"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    argv = [*bilan, "import", str(path), "--json"]
    with tempfile.NamedTemporaryFile("r") as report:
        timed = [GNU_TIME, "-f", "%M", "-o", report.name, *argv] if os.path.exists(GNU_TIME) else argv
        started = time.perf_counter()
        proc = subprocess.run(timed, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        spent = time.perf_counter() - started
        if proc.returncode != 0:
            sys.exit(f"bilan import {path} failed ({proc.returncode}): {proc.stderr[-2000:].decode()}")
        peak = int(report.read().split()[-1]) / 1024 if timed is not argv else None
    return spent, peak, len(proc.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--work", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.work) as scratch:
        folder = Path(scratch)
        print(f"{'fichier':<42} {'s':>7} {'Mo':>7} {'stderr (octets)':>16}")
        for n, (label, path) in enumerate(sheets(folder, args.rows).items()):
            spent, peak, said = run(path, folder / f"home{n}")
            shown = f"{peak:.0f}" if peak is not None else "?"
            print(f"{label:<42} {spent:>7.2f} {shown:>7} {said:>16}")


if __name__ == "__main__":
    main()
