"""What `bilan list` prints: every bilan, newest first, as JSON or aligned columns.

Apart from `show`'s module so that listing imports nothing `show` needs.
"""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.cli import base


def list_bilans(phase: str | None, as_json: bool) -> None:
    """`bilan list`."""
    from bilancli.store import bilans

    wanted = None
    if phase:
        from bilancli.core.phases import parse_phase  # its gates are not needed to list

        wanted = parse_phase(phase)
    with base.open_store(create=False) as store:
        if as_json and (text := bilans.list_json(store.conn, wanted)) is not None:
            base.say(text)
            return
        rows = bilans.list_rows(store.conn, wanted)
    if as_json:
        base.print_json(list_rows_json(rows))
    else:
        print_list(rows)


def list_rows_json(rows) -> list[dict]:
    keys = ("id", "nom", "prenom", "phase", "date_ouverture", "date_fin")
    return [{k: row[k] for k in keys} for row in rows]


def print_list(rows) -> None:
    """One line per bilan: thousands of them after a few years."""
    from bilancli.core.dates import format_date, from_iso
    from bilancli.core.model import PHASE_LABELS

    if not rows:
        base.say(msg.AUCUN_BILAN)
        return
    base.print_columns(None, ("Bilan", "Bénéficiaire", "Phase", "Ouverture", "Fin"), [
        (row["id"], base.full_name(row["prenom"], row["nom"]),
         PHASE_LABELS.get(row["phase"], row["phase"]),
         format_date(from_iso(row["date_ouverture"])), format_date(from_iso(row["date_fin"])))
        for row in rows
    ])
