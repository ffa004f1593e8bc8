"""What `bilan list` prints: every bilan, newest first, as JSON or one line each.

Apart from `show`'s module so that listing imports nothing `show` needs.
"""

from __future__ import annotations

import sys

from bilancli import messages as msg
from bilancli.cli import base

KEYS = ("id", "nom", "prenom", "phase", "date_ouverture", "date_fin")


def list_bilans(phase: str | None, as_json: bool, nom: str | None = None) -> None:
    """`bilan list`."""
    from bilancli.store import bilans

    wanted = None
    if phase:
        from bilancli.core.phases import parse_phase  # its gates are not needed to list

        wanted = parse_phase(phase)
    with base.reading() as store:
        if as_json and (text := bilans.list_json(store.conn, wanted, nom)) is not None:
            sys.stdout.write(text + "\n")   # JSON escapes control characters itself
            return
        rows = bilans.list_rows(store.conn, wanted, nom)
    if as_json:
        base.print_json(list_rows_json(rows))
    else:
        print_list(rows)


def list_rows_json(rows) -> list[dict]:
    return [dict(zip(KEYS, row)) for row in rows]


def print_list(rows) -> None:
    """One line per bilan: thousands of them after a few years."""
    from bilancli.cli.display import Table, draw
    from bilancli.core.dates import format_iso
    from bilancli.core.formats import full_name

    if not rows:
        base.say(msg.AUCUN_BILAN)
        return
    draw(Table(None, ("Bilan", "Bénéficiaire", "Phase", "Ouverture", "Fin"), [
        (bid, full_name(prenom, nom), msg.PHASE_LABELS.get(phase, phase),
         format_iso(opened), format_iso(ended))
        for bid, nom, prenom, phase, opened, ended in rows
    ]))
