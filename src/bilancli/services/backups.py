"""`bilan sauvegarde` and the purge of the backups (SPEC §5, §12).

Every `bilan purge` purges the backups under `[sauvegarde] dossier` too, with the same
guarantee as the store: a backup never keeps what the law wanted gone. A backup is whole
only once marked complete (`store.backups.MARK`); what a killed or cut `sauvegarde` left is
destroyed, by the command itself when it can, by the next purge otherwise.
"""

from __future__ import annotations

import os
import sqlite3
from collections import namedtuple
from datetime import datetime

from bilancli import messages as msg
from bilancli.core.conservation import backups as rules
from bilancli.errors import BilanError, fail, os_reason
from bilancli.store.conservation import backups, purge_archives
from bilancli.store.conservation import purge as store_purge
from bilancli.store.db import Store
from bilancli.store.disk import is_full


class BackupOutcome(namedtuple("BackupOutcome", "name purged deleted")):
    """What the purge did in one backup: the bilans purged there, those deleted from it."""

    __slots__ = ()


class BackupFailure(namedtuple("BackupFailure", "path reason full")):
    """A backup that could not be purged, why, and whether its disk was full."""

    __slots__ = ()


class BackupsPurged(namedtuple("BackupsPurged", "done unreachable failed partial foreign",
                               defaults=((),))):
    """The purge of `[sauvegarde] dossier`: what was done in each backup, the folder when it
    could not be reached, the backups that could not be purged, the folders a killed
    `sauvegarde` left (destroyed, or to be destroyed by a real purge), and the backups of
    another data folder sharing the same backup folder (left as they are)."""

    __slots__ = ()


def inside(where: str, home: str) -> bool:
    """Whether the folder `where` is the data folder or under it, links and `..` resolved."""
    target, data = os.path.realpath(where), os.path.realpath(home)
    return target == data or target.startswith(data.rstrip(os.sep) + os.sep)


class Taken(namedtuple("Taken", "path destroyed")):
    """A backup taken: its folder, and the backups a killed `sauvegarde` had left unfinished
    in the same folder, destroyed first (SPEC §12: the command that can, destroys them)."""

    __slots__ = ()


def take(store: Store, where: str, home: str, now: datetime) -> Taken:
    """A new backup of `store` under the folder `where`, never inside the data folder, once
    the unfinished ones a kill left there are destroyed. Cut by a full disk (or anything
    else), what it wrote is destroyed before the refusal says so."""
    if inside(where, home):
        raise fail(msg.SAUVEGARDE_DANS_LE_DOSSIER, dossier=where, home=home)
    destroyed = [path for path in (backups.left_partial(where) if os.path.isdir(where) else [])
                 if _destroy_partial(path)]
    target, lock = backups.begin(where, now)
    try:
        with store.hold():   # writers and a restore wait: the backup is of one state
            backups.copy(store, target)
    except (OSError, sqlite3.Error, BilanError) as exc:
        raise _cut(where, target, exc) from None
    except BaseException:
        _destroy_partial(target)   # Ctrl-C: nothing half-written stays
        raise
    finally:
        backups.end(target, lock)
    return Taken(target, destroyed)


def _cut(where: str, target: str, exc: BaseException) -> BilanError:
    """What is true of a backup cut part-way: what it wrote is gone (or, when even that
    failed, where it is), and why it stopped — a full disk said as such."""
    destroyed = _destroy_partial(target)
    cause = exc.__context__ if isinstance(exc, BilanError) and exc.__context__ else exc
    full = is_full(cause, where)
    if full:
        reason = msg.SAUVEGARDE_PLEINE
    elif isinstance(cause, OSError):
        reason = os_reason(cause)
    elif isinstance(exc, BilanError):
        reason = str(exc).rstrip(".")
    else:
        reason = msg.RAISON_SYSTEME_AUTRE.format(code=getattr(cause, "sqlite_errorname", type(cause).__name__))
    if not destroyed:
        return fail(msg.SAUVEGARDE_PARTIELLE_RESTEE, dossier=where, raison=reason, partielle=target)
    if full:
        return fail(msg.SAUVEGARDE_DISQUE_PLEIN, dossier=where, raison=reason)
    if isinstance(exc, BilanError):
        return exc
    return fail(msg.SAUVEGARDE_IMPOSSIBLE, dossier=where, raison=reason)


def _destroy_partial(target: str) -> bool:
    try:
        backups.destroy(target)
    except OSError:
        return False
    return True


def purge_backups(store: Store, configured: str | None, settings, today, simulated: bool) -> BackupsPurged:
    """Purge every backup of `[sauvegarde] dossier` (`configured`) as the store was. One
    damaged backup never keeps the others from their purge; a backup whose documents/ is a
    link is refused, never read nor purged through it."""
    if not configured:
        return BackupsPurged([], None, [], [])
    where = os.path.expanduser(configured)
    if not os.path.isdir(where):
        return BackupsPurged([], configured, [], [])
    done, failed = [], []
    partial = backups.left_partial(where)
    if not simulated:
        for path in partial:
            try:
                backups.destroy(path)
            except OSError as exc:
                failed.append(_failure(path, exc))
    found = backups.find(where)
    told = backups.store_facts(store.conn) if found else None
    ours = store.keys.state
    foreign = []
    for path in found:
        problem = backups.documents_problem(path)
        if problem:
            failed.append(BackupFailure(path, problem, False))
            continue
        try:
            outcome = _purge_one(path, told, ours.store_id if ours else None, settings, today,
                                 simulated)
            if outcome is None:
                foreign.append(path)
            else:
                done.append(outcome)
        except store_purge.PurgeCut as cut:
            if isinstance(cut.cause, KeyboardInterrupt):
                raise KeyboardInterrupt from None
            failed.append(_failure(path, cut.cause))
        except (BilanError, OSError, sqlite3.Error) as exc:
            failed.append(_failure(path, exc))
    return BackupsPurged(done, None, failed, partial, foreign)


def _failure(path: str, exc: BaseException) -> BackupFailure:
    if is_full(exc, path):
        return BackupFailure(path, msg.SAUVEGARDE_PLEINE, True)
    if isinstance(exc, BilanError):
        return BackupFailure(path, str(exc).rstrip("."), False)
    if isinstance(exc, OSError):
        return BackupFailure(path, os_reason(exc), False)
    if isinstance(exc, sqlite3.DatabaseError):
        return BackupFailure(path, msg.SAUVEGARDE_ENDOMMAGEE, False)
    raise exc


def _purge_one(path: str, told, store_id: str | None, settings, today,
               simulated: bool) -> BackupOutcome | None:
    """One backup purged as the store was (`told`: `store.backups.StoreFacts`); None, and
    nothing touched, for the backup of another data folder (another store's id: two
    cabinets, or a test folder, sharing one backup disk): its bilans are not ours, though
    their numbers may be the same."""
    backup = Store(path, create=False, writable=not simulated, backup=True)
    try:
        theirs = backup.keys.state
        if store_id is not None and theirs is not None and theirs.store_id != store_id:
            return None
        own = backups.retention_facts(backup.conn)
        dues, to_delete = rules.dues(own, told.retention, told.deleted, settings, today)
        name = os.path.basename(path)
        if simulated:
            planned = store_purge.inventory(backup.conn, backup.home, dues, check_files=False)
            return BackupOutcome(name, sorted(o.bilan_id for o in planned if o.touched), to_delete)
        backups.drop_links(path)
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
