"""What `bilan list` prints: every bilan, newest first, as JSON; for a person, one line
each for the open ones (all with `--tous`), a screenful at most (all with `--tout`).

Apart from `show`'s module so that listing imports nothing `show` needs.
"""

from __future__ import annotations

import sys

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.display import Line, Table, draw, screenful
from bilancli.core.dates import format_iso
from bilancli.core.dossier.phases import parse_phase
from bilancli.core.formats import full_name
from bilancli.store.dossier import bilans

KEYS = ("id", "nom", "prenom", "phase", "date_ouverture", "date_fin")


def list_bilans(phase: str | None, as_json: bool, nom: str | None = None, every: bool = False,
                everything: bool = False) -> None:
    """`bilan list`."""

    wanted = None
    if phase:
        wanted = parse_phase(phase)
    with base.reading() as store:
        if as_json and (text := bilans.list_json(store.conn, wanted, nom)) is not None:
            sys.stdout.write(text + "\n")   # JSON escapes control characters itself
            return
        rows = bilans.list_rows(store.conn, wanted, nom)
    if as_json:
        base.print_json(list_rows_json(rows))
    else:
        # A phase asked for is shown whatever it is, ended or not.
        print_list(rows, every or phase is not None, everything)


def list_rows_json(rows) -> list[dict]:
    return [dict(zip(KEYS, row)) for row in rows]


def print_list(rows, every: bool = True, everything: bool = True) -> None:
    """One line per bilan: thousands of them after a few years, so by default the open ones
    only (`every`: the ended ones too), and a screenful of them unless `everything`."""

    shown = rows if every else [row for row in rows if row[5] is None]
    hidden = len(rows) - len(shown)
    if not shown:
        base.say(msg.AUCUN_BILAN_OUVERT.format(nombre=hidden) if hidden else msg.AUCUN_BILAN)
        return
    phases = [msg.PHASE_LABELS.get(row[3], row[3]) for row in shown]
    # Made as they are shown (a generator): thousands of bilans, a screenful of lines.
    table = Table(None, ("Bilan", "Bénéficiaire", "Phase", "Ouverture", "Fin"), (
        (bid, full_name(prenom, nom), label, format_iso(opened), format_iso(ended))
        for (bid, nom, prenom, _, opened, ended), label in zip(shown, phases)
    ))
    blocks = screenful(table, phases, everything, msg.LISTE_RESUME.format(nombre=len(shown)),
                       "Phase")
    if hidden:
        blocks.append(Line(msg.LISTE_TERMINES_CACHES.format(nombre=hidden), "dim"))
    draw(*blocks)
