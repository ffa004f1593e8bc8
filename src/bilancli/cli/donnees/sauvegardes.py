"""`bilan sauvegarde` and `bilan restaure` (SPEC §12): parse, call `services`, print."""

from __future__ import annotations

import os
from datetime import datetime

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.donnees.purging import run_purge
from bilancli.cli.spec import arg, command, flag, opt
from bilancli.core.dates import format_date
from bilancli.errors import fail
from bilancli.services import backups, restore


@command("sauvegarde", msg.CMD_SAUVEGARDE,
         opt("-o", "--output", help=msg.OPT_SORTIE_SAUVEGARDE, metavar="DOSSIER"),
         details=msg.DET_SAUVEGARDE)
def sauvegarde(output) -> None:
    configured = base.config().sauvegarde.get("dossier")
    where = output if output is not None else configured
    if where is None or not where.strip():
        raise fail(msg.SAUVEGARDE_SANS_DOSSIER)
    where = os.path.expanduser(where)
    home = base.home()
    if backups.inside(where, home):   # before anything is opened or finished
        raise fail(msg.SAUVEGARDE_DANS_LE_DOSSIER, dossier=where, home=home)
    if os.path.isdir(home):
        base.settle()   # a restore a kill cut short is finished before it is backed up
    with base.reading() as store:
        # Named after today as every command sees it (BILAN_TODAY in a preview), at this time.
        taken = backups.take(store, where, home, datetime.combine(base.today(), datetime.now().time()))
    for left in taken.destroyed:
        base.warn(msg.PURGE_SAUVEGARDE_PARTIELLE.format(sauvegarde=left))
    path = taken.path
    base.say(msg.SAUVEGARDE_FAITE.format(dossier=path))
    if not _reached_by_the_purge(where, configured):
        base.warn(msg.SAUVEGARDE_HORS_PURGE.format(dossier=path))


def _reached_by_the_purge(where: str, configured: str | None) -> bool:
    if not configured:
        return False
    return os.path.realpath(where) == os.path.realpath(os.path.expanduser(configured))


@command("restaure", msg.CMD_RESTAURE, arg("dossier", "DOSSIER", msg.ARG_SAUVEGARDE, complete="fichier"),
         flag("--yes", help=msg.OPT_YES_RESTAURE), details=msg.DET_RESTAURE)
def restaure(dossier, yes) -> None:
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
    if done.purged:
        base.say(msg.RESTAURE_PURGEE.format(nombre=done.purged))
    if done.keys_refused is not None:
        base.warn(msg.RESTAURE_CLES_NON_DETRUITES.format(raison=str(done.keys_refused).rstrip(".")))
    run_purge(dry_run=False, yes=True, as_json=False)
