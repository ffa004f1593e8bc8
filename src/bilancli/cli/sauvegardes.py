"""`bilan sauvegarde`, `bilan restaure`, and the purge of the backups (SPEC §5, §12).

Every `bilan purge` purges the backups under `[sauvegarde] dossier` too, with the same
guarantee as the store: a backup never keeps what the law wanted gone.
"""

from __future__ import annotations

import os
from collections import namedtuple

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.spec import arg, command, flag, opt


class BackupOutcome(namedtuple("BackupOutcome", "name purged deleted")):
    """What the purge did in one backup: the bilans purged there, those deleted from it."""

    __slots__ = ()


@command("sauvegarde", msg.CMD_SAUVEGARDE,
         opt("-o", "--output", help=msg.OPT_SORTIE_SAUVEGARDE, metavar="DOSSIER"),
         details=msg.DET_SAUVEGARDE)
def sauvegarde(output) -> None:
    from datetime import datetime

    from bilancli.errors import fail
    from bilancli.store import backups

    configured = base.config().sauvegarde.get("dossier")
    where = output if output is not None else configured
    if where is None or not where.strip():
        raise fail(msg.SAUVEGARDE_SANS_DOSSIER)
    where = os.path.expanduser(where)
    with base.reading() as store:
        path = backups.take(store, where, datetime.now())
    base.say(msg.SAUVEGARDE_FAITE.format(dossier=path))
    if not _reached_by_the_purge(where, configured):
        base.warn(msg.SAUVEGARDE_HORS_PURGE.format(dossier=path))


def _reached_by_the_purge(where: str, configured: str | None) -> bool:
    if not configured:
        return False
    return os.path.realpath(where) == os.path.realpath(os.path.expanduser(configured))


def purge_backups(store, settings, today, simulated: bool):
    """Purge every backup of `[sauvegarde] dossier` as the store was: (what was done, the
    folder when it could not be reached, the backups that could not be purged with the
    reason why). One damaged backup never keeps the others from their purge."""
    import sqlite3

    from bilancli.errors import BilanError

    configured = base.config().sauvegarde.get("dossier")
    if not configured:
        return [], None, []
    where = os.path.expanduser(configured)
    if not os.path.isdir(where):
        return [], configured, []
    from bilancli.store import backups

    done, failed = [], []
    found = backups.find(where)
    told = backups.store_facts(store.conn) if found else None
    for path in found:
        try:
            done.append(_purge_one(path, told, settings, today, simulated))
        except BilanError as exc:
            failed.append((path, str(exc).rstrip(".")))
        except sqlite3.DatabaseError:
            failed.append((path, msg.SAUVEGARDE_ENDOMMAGEE))
    return done, None, failed


def _purge_one(path: str, told, settings, today, simulated: bool) -> BackupOutcome:
    """One backup purged as the store was (`told`: `store.backups.StoreFacts`)."""
    from bilancli.core import backups as rules
    from bilancli.store import backups
    from bilancli.store import purge as store_purge
    from bilancli.store import purge_archives
    from bilancli.store.db import Store

    backup = Store(path, create=False, writable=not simulated)
    try:
        own = backups.retention_facts(backup.conn)
        dues, to_delete = rules.dues(own, told.retention, told.deleted, settings, today)
        name = os.path.basename(path)
        if simulated:
            planned = store_purge.inventory(backup.conn, backup.home, dues, check_files=False)
            return BackupOutcome(name, sorted(o.bilan_id for o in planned if o.touched), to_delete)
        backups.delete_bilans(backup, to_delete)
        outcomes = store_purge.purge(backup, dues, today)
        invoices, complaints = purge_archives.purge(backup, today, done=outcomes)
        backups.copy_dates(backup, told.destructions, dues)
        touched = sorted({o.bilan_id for o in outcomes + invoices if o.items or o.marks})
        if touched or to_delete or complaints:
            store_purge.finish(backup)
        return BackupOutcome(name, touched, to_delete)
    finally:
        backup.close()


@command("restaure", msg.CMD_RESTAURE, arg("dossier", "DOSSIER", msg.ARG_SAUVEGARDE, complete="fichier"),
         flag("--yes", help=msg.OPT_YES_RESTAURE), details=msg.DET_RESTAURE)
def restaure(dossier, yes) -> None:
    from bilancli.cli.purging import run_purge
    from bilancli.core.dates import format_date
    from bilancli.store import restore

    source = os.path.expanduser(dossier)
    held = restore.check(source)
    if not yes:
        base.confirm(msg.RESTAURE_QUESTION.format(dossier=source, date=format_date(held)),
                     msg.RESTAURE_SANS_TERMINAL, msg.RESTAURE_ABANDONNEE)
    settings = base.retention_settings()
    done = restore.restore(base.home(), source, settings, base.today())
    base.say(msg.RESTAURE_FAITE.format(dossier=source, date=format_date(held)))
    if done.unreadable:
        base.warn(msg.RESTAURE_BASE_ILLISIBLE)
    if done.carried:
        base.say(msg.RESTAURE_FICHIERS_SUIVIS.format(nombre=done.carried))
    if done.destroyed:
        base.say(msg.RESTAURE_FICHIERS_DETRUITS.format(nombre=done.destroyed))
    run_purge(dry_run=False, yes=True, as_json=False)
