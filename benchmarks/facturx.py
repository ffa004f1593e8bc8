"""Time `bilan facture render N --format facturx` against the plain PDF of the same invoice.

    python benchmarks/facturx.py [--runs 9] [--regime exoneree|franchise|assujettie]

The two renders run alternately, each writing to standard output, and the median of the
ratios is reported against the goal of issue 22 (≤ 1.3): the Factur-X render prints the
same HTML as PDF/A-3b, builds the XML, and has the `factur-x` library check it against the
XSD and embed it.
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

TODAY = "2026-03-02"
GOAL = 1.3
CONFIG = """[cabinet]
nom = "Cabinet du banc"
adresse = "74 rue Jean Bouin, 84800 L'Isle-sur-la-Sorgue"
nda = "93840000000"
siret = "84012345900017"
consultant = "Anne Roux"
telephone = "04 90 00 00 00"
email = "contact@example.fr"

[facturation]
tva = "{regime}"
iban = "FR76 3000 6000 0112 3456 7890 189"
"""


def run(bilan: str, env: dict, *args: str) -> bytes:
    return subprocess.run([bilan, *args], env=env, capture_output=True, check=True).stdout


def timed(argv: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--regime", default="exoneree")
    args = parser.parse_args()
    bilan = str(Path(sys.executable).parent / "bilan")
    home = Path(tempfile.mkdtemp(prefix="bilan-facturx-"))
    try:
        (home / "config.toml").write_text(CONFIG.format(regime=args.regime), encoding="utf-8")
        env = {**os.environ, "BILAN_HOME": str(home), "BILAN_TODAY": TODAY}
        bid = json.loads(run(bilan, env, "new", "--nom", "Banc", "--prenom", "Essai",
                             "--financement", "cpf", "--tarif", "1800", "--date", "2026-02-01",
                             "--json"))["id"]
        run(bilan, env, "consent", bid, "bilan", "--date", "2026-02-01")
        run(bilan, env, "entretien", "add", bid, "--date", "2026-02-02", "--duree", "2h")
        numero = json.loads(run(bilan, env, "facture", bid, "--json"))["numero"]
        plain = [bilan, "facture", "render", numero, "--format", "pdf", "-o", "-"]
        facturx = [bilan, "facture", "render", numero, "--format", "facturx", "-o", "-"]
        timed(plain, env), timed(facturx, env)   # warm the page cache and the .pyc files
        ratios, plain_s, facturx_s = [], [], []
        for _ in range(args.runs):
            base, spent = timed(plain, env), timed(facturx, env)
            ratios.append(spent / base)
            plain_s.append(base)
            facturx_s.append(spent)
        ratio = statistics.median(ratios)
        print(f"| `facture render --format facturx` / `--format pdf` ({args.regime}) | "
              f"{ratio:.2f} | ≤ {GOAL} | {statistics.median(facturx_s) * 1000:.0f} ms vs "
              f"{statistics.median(plain_s) * 1000:.0f} ms |")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    sys.exit(0 if ratio <= GOAL else 1)


if __name__ == "__main__":
    main()
