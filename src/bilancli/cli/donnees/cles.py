"""`bilan cle etat|secours|restaure` (SPEC §15): the keys of the store's encryption."""

from __future__ import annotations

import os
import sys

from bilancli import messages as msg
from bilancli.cli import base
from bilancli.cli.spec import JSON, arg, command, group, opt
from bilancli.core.dates import format_date, iso, parse_date
from bilancli.errors import fail
from bilancli.services import cles as service
from bilancli.store.cles.secours import MIN_PASSPHRASE

group("cle", msg.GROUPE_CLE)


@command("cle etat", msg.CMD_CLE_ETAT, JSON)
def etat(as_json) -> None:
    with base.reading() as store:
        found = service.keys_state(store)
    where = found.master.described() if found.master is not None else None
    if as_json:
        base.print_json({"emplacement": where, "cles": found.kept, "secours_le": found.made_on,
                         "secours_perime": found.stale is not None})
    else:
        if found.master is not None and found.master.path is not None \
                and not os.path.lexists(found.master.path):
            where = msg.CLE_ETAT_INTROUVABLE.format(ou=where)   # not as if it were there
        _show(found, where)
    for missing in found.missing:
        base.warn(msg.CLE_ETAT_MANQUE.format(quoi=missing))


def _show(found, where) -> None:
    base.say(msg.CLE_ETAT_TITRE.format(dossier=base.home()))
    if where is None:
        base.say(msg.CLE_ETAT_PAS_ENCORE)
        return
    base.say(msg.CLE_ETAT_EMPLACEMENT.format(ou=where))
    base.say(msg.CLE_ETAT_CLES.format(nombre=found.kept) if found.kept is not None
             else msg.CLE_ETAT_CLES_INCONNUES)
    if found.made_on is None:
        base.say(msg.CLE_ETAT_SECOURS_JAMAIS)
        return
    base.say(msg.CLE_ETAT_SECOURS.format(date=format_date(parse_date(found.made_on, base.today()))))
    if found.stale is not None:
        base.say(msg.CLE_ETAT_SECOURS_PERIME.format(date=format_date(parse_date(found.stale, base.today()))))


@command("cle secours", msg.CMD_CLE_SECOURS,
         opt("-o", "--output", help=msg.OPT_SORTIE_SECOURS, metavar="FICHIER", required=True,
             complete="fichier"),
         details=msg.DET_CLE_SECOURS)
def secours(output) -> None:
    if output == "-":   # keys on a terminal's screen or in a pipe: never
        raise fail(msg.SECOURS_PAS_SORTIE_STANDARD)
    target = base.output_option(output)
    target = type(target)(os.path.expanduser(target))
    home = base.home()
    service.check_recovery_target(target, home)
    with base.reading() as store:   # a refusal leaves even an older store as it was
        service.keys_to_save(store)   # the keys open, before anyone types a passphrase
        replacing = service.replaces_recovery(store, target)
    _need_terminal(msg.SECOURS_SANS_TERMINAL)
    sys.stderr.write(msg.SECOURS_PHRASE_CONSIGNE.format(minimum=MIN_PASSPHRASE) + "\n")
    passphrase = _ask(msg.SECOURS_PHRASE)
    if len(passphrase) < MIN_PASSPHRASE:
        raise fail(msg.SECOURS_PHRASE_COURTE, minimum=MIN_PASSPHRASE, longueur=len(passphrase))
    if _ask(msg.SECOURS_PHRASE_ENCORE) != passphrase:
        raise fail(msg.SECOURS_PHRASES_DIFFERENTES)
    with base.existing() as store:
        count, stale = service.write_recovery(store, target, passphrase, iso(base.today()))
    if replacing:
        base.say(msg.SECOURS_FICHIER_REMPLACE.format(fichier=target))
    base.say(msg.SECOURS_FAIT.format(fichier=target, nombre=count))
    base.say(msg.SECOURS_REMPLACE)
    if stale:
        base.warn(msg.SECOURS_PERIME_DES_SA_CREATION)


@command("cle restaure", msg.CMD_CLE_RESTAURE,
         arg("fichier", "FICHIER", msg.ARG_SECOURS, complete="fichier"),
         details=msg.DET_CLE_RESTAURE)
def restaure(fichier) -> None:
    path = os.path.expanduser(fichier)
    with base.reading() as store:   # a refusal leaves even an older store as it was
        service.check_recovery_file(store, path)   # before anyone types a passphrase
        _need_terminal(msg.SECOURS_RESTAURE_SANS_TERMINAL)
        store_id, keys = service.opened_recovery(store, path, _ask(msg.SECOURS_PHRASE))
    with base.existing() as store:
        done = service.restore_keys(store, store_id, keys)
    if done.made is not None:
        base.say(msg.SECOURS_CLE_CREEE.format(ou=done.made.described()))
    base.say(msg.SECOURS_INSTALLE.format(installees=done.installed, gardees=done.already))
    if done.lost:
        base.warn(msg.SECOURS_CLES_PERDUES.format(nombre=done.lost))
    if done.refused:
        base.warn(msg.SECOURS_REFUSEES.format(nombre=done.refused))
    if done.unknown:
        base.warn(msg.SECOURS_INCONNUES.format(nombre=done.unknown))


def _need_terminal(refusal) -> None:
    """A passphrase is typed by a person: never read from a pipe, a file or an option."""
    if not sys.stdin.isatty():
        raise fail(refusal)


def _ask(prompt: str) -> str:
    """A passphrase typed without echo on the terminal."""
    import getpass

    try:
        return getpass.getpass(prompt, stream=sys.stderr)
    except EOFError:
        raise fail(msg.SECOURS_ABANDONNE) from None
