"""Backups that respect the purge (SPEC §5, §12): what a backup must lose, decided from its
own facts and from the store's.

A backup is an older copy of the store. Whatever the store has destroyed, the backup
destroys too — even content the backup's older facts would still keep (a backup taken
before the bilan ended, or before a consent was withdrawn) —; whatever its own facts make
due, it destroys as the store would; and a bilan the store has deleted goes from it
entirely. Pure: the facts are read by `store/`, `today` is passed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from bilancli.core.conservation import retention
from bilancli.core.conservation.retention import Deadline, Facts, Settings

FOLDER_PREFIX = "sauvegarde-"


def folder_name(now: datetime, taken: set[str]) -> str:
    """`sauvegarde-2026-12-01T143005`, with a suffix when two fall in the same second."""
    name = f"{FOLDER_PREFIX}{now:%Y-%m-%dT%H%M%S}"
    suffix, chosen = 2, name
    while chosen in taken:
        chosen, suffix = f"{name}-{suffix}", suffix + 1
    return chosen


def _by_what(deadlines) -> dict[str, Deadline]:
    return {d.what: d for d in deadlines}


def dues(backup: Mapping[str, Facts], store: Mapping[str, Facts], deleted: set[str],
         settings: Settings, today: date) -> tuple[dict[str, tuple[Deadline, ...]], list[str]]:
    """(bilan id → the deadlines to apply in the backup, the ids to delete from it).

    `backup`: the facts of every bilan of the backup; `store`: those of the store; `deleted`:
    the ids the store deleted (only those go whole: a bilan the store does not know — a
    folder of another cabinet's backups by mistake — keeps what its own facts keep)."""
    to_delete, planned = [], {}
    for bilan_id, own in backup.items():
        if bilan_id in deleted:
            to_delete.append(bilan_id)
            continue
        found = _by_what(retention.due(own, settings, today))
        now = store.get(bilan_id)   # a bilan the store does not know: the backup's facts alone
        if now is not None:
            # What the store has done, the backup does: its deadlines as the store reached them.
            found.update(_by_what(retention.due(now, settings, today)))
            if now.anonymised_on is not None:
                found.update({d.what: d for d in retention.schedule(now, settings)
                              if d.what == "identite"})
        if found:
            planned[bilan_id] = tuple(sorted(found.values(), key=lambda d: d.due_on))
    return planned, to_delete
