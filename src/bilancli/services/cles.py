"""`bilan cle …` as use cases (SPEC §15): what the keys' state is, a recovery file made and
restored, and the stale recovery files the purge destroys. The command line reads the
passphrase on a terminal and prints; nothing here asks or says anything."""

from __future__ import annotations

import os
from collections import namedtuple

from bilancli import messages as msg
from bilancli.errors import BilanError, fail, os_reason
from bilancli.store import files
from bilancli.store.cles import installation, maitre, secours


class KeysState(namedtuple("KeysState", "master kept made_on stale missing")):
    """`cle etat`: where the master key lives (None before the store has one), how many
    data keys are kept (None when the key store cannot be read), the day the last recovery
    file was made, the day it went stale (None while it is not), and what is missing (refusals' messages)."""

    __slots__ = ()


def keys_state(store) -> KeysState:
    """What `cle etat` says, with or without the keys at hand."""
    keys = store.keys
    current = keys.state
    if current is None:
        return KeysState(None, 0, None, None, [])
    missing, kept = [], None
    try:
        kept = len(keys.kept())   # opens the key store under the master key: both checked
    except BilanError as exc:
        missing.append(exc.message)
        peeked = installation.peek(keys.keys_path())
        kept = peeked.kept if peeked is not None else None
    return KeysState(keys.master(), kept, current.secours_le, current.secours_perime_le, missing)


def check_recovery_target(target, home: str) -> None:
    """A recovery file is never written under the data folder (links and `..` resolved): a
    copy of the folder would carry it with what it protects; then the checks of every `-o`."""
    where, data = os.path.realpath(target), os.path.realpath(home)
    if where == data or where.startswith(data.rstrip(os.sep) + os.sep):
        raise fail(msg.SECOURS_DANS_DONNEES, fichier=target, dossier=home)
    files.check_output_path(target, home)


def keys_to_save(store) -> tuple[str, dict[str, bytes]]:
    """The store's id and every data key kept, opened with the master key."""
    current = store.keys.state
    if current is None:
        raise fail(msg.SECOURS_SANS_CHIFFREMENT)
    return current.store_id, store.keys.exported()


def replaces_recovery(store, target) -> bool:
    """Whether `-o` names an existing recovery file of this store (replaced, and said so);
    anything else standing there (a document, another store's recovery file) is refused."""
    if not os.path.lexists(target):
        return False
    header = secours.peek(os.fspath(target))
    if header is None or header.store_id != store.keys.state.store_id:
        raise fail(msg.SECOURS_FICHIER_EXISTE, fichier=target)
    return True


def write_recovery(store, target, passphrase: str, today_iso: str) -> tuple[int, bool]:
    """Write the recovery file at `target` (0600, never through a link, replacing what stood
    there only once whole) and record the day in the store, under the store's write lock from
    reading the keys to recording the day. Its place is recorded before it is written: a kill
    right after leaves a file the purge knows. A key destroyed meanwhile (the purge destroys
    keys in their own store) makes it stale at once. Returns how many keys it holds, and
    whether it is stale already."""
    with store.write():
        store_id, keys = keys_to_save(store)
        data = secours.pack(store_id, keys, passphrase, today_iso)
        output = files.prepare(target, data, store.home)
        store.keys.recovery_file(output.path)
        files.write(output, data)
        store.keys.recovery_made(keys, today_iso, output.path)
        stale = store.keys.recovery_checked(keys, today_iso)
    return len(keys), stale


# A master key that is not on this machine (absent, or a key ring that does not hold it).
_NOT_AT_HAND = ("CLE_ABSENTE", "CLE_TROUSSEAU_SYSTEME_REFUSE")


class Restored(namedtuple("Restored", "installed refused already unknown made lost", defaults=(0,))):
    """What `cle restaure` did: keys installed, refused as destroyed, already kept, left out
    (bilans this store does not hold); the new master key when one was made (a new
    machine, a master key lost), else None; the keys lost with the master key (made after
    the recovery file, kept only in the old key store)."""

    __slots__ = ()


def opened_recovery(store, path: str, passphrase: str) -> tuple[str, dict[str, bytes]]:
    """The store id and keys of the recovery file at `path`, for this store, or a refusal;
    nothing is written anywhere."""
    check_recovery_file(store, path)
    try:
        header, keys = secours.unpack(secours.read(path), passphrase)
    except secours.NotOurs as exc:
        raise fail(msg.SECOURS_ILLISIBLE, fichier=path, raison=exc.reason) from None
    if keys is None:
        raise fail(msg.SECOURS_PHRASE_INCORRECTE, fichier=path)
    return header.store_id, keys


def check_recovery_file(store, path: str) -> None:
    """Before asking the passphrase: the file is a recovery file of this store."""
    current = store.keys.state
    if current is None:
        raise fail(msg.SECOURS_SANS_CHIFFREMENT)
    try:
        header = secours.header_of(secours.read(path))
    except secours.NotOurs as exc:
        raise fail(msg.SECOURS_ILLISIBLE, fichier=path, raison=exc.reason) from None
    if header.store_id != current.store_id:
        raise fail(msg.SECOURS_AUTRE_DOSSIER, fichier=path, autre=header.store_id,
                   magasin=current.store_id)
    _check_master(store)


def _check_master(store) -> None:
    """Before asking the passphrase: a master key at hand that is not this store's, or a key
    file to mend, is said now (a master key missing is what a restore is for)."""
    handle = store.keys
    try:
        maitre.read(store.home, handle.master(), handle.state.store_id)
    except BilanError as exc:
        if exc.key in _NOT_AT_HAND:
            return
        raise
    path = handle.keys_path()
    if os.path.isfile(path) and os.path.getsize(path) > 0:
        try:
            handle.kept()   # the key store opened under it: a wrong master key is told
        except BilanError as exc:
            if exc.key == "CLE_INCORRECTE":
                raise


def restore_keys(store, store_id: str, keys: dict[str, bytes]) -> Restored:
    """Install the keys into this store's key store. On a new machine (neither master key nor
    key store), the master key is made where SPEC §15 says and the key store with it; where
    the key store exists, its master key must be at hand (never replaced silently). A key the
    key store records as destroyed never comes back, nor one whose content the store itself
    says is destroyed (a key store lost with its record of destroyed keys)."""
    handle = store.keys
    current = handle.state
    if current is None or current.store_id != store_id:   # another store put in place meanwhile
        raise fail(msg.SECOURS_DOSSIER_REMPLACE)
    path = handle.keys_path()
    maitre.check_outside(store.home, path)
    master = handle.master()
    gone, unknown = secours.gone_from_store(store.conn, keys)
    wanted = {name: key for name, key in keys.items() if name not in unknown}
    try:
        maitre.read(store.home, master, current.store_id)
        at_hand = True
    except BilanError as exc:
        if exc.key not in _NOT_AT_HAND:
            raise   # a key file to mend (its mode, its place, its bytes): never replaced
        at_hand = False
    if at_hand:
        handle.ensure_store()
        return Restored(*handle.install(wanted, gone), len(unknown), None)
    if os.path.lexists(path):   # the key store is here, its master key lost: made again
        old = installation.remains(path)
        try:
            with store.write():
                counts, made = handle.rebuild(old, wanted, gone)
        except BaseException:
            handle.undo_set_up()
            handle.put_back()
            raise
        handle.made_kept()
        handle.drop_aside()   # the old key store, its master key lost: destroyed once replaced
        return Restored(*counts, len(unknown), made, len(old.kept - set(keys)))
    try:
        with store.write():
            made = handle.set_up_again()   # undoes itself when it fails
            counts = handle.install(wanted, gone)
    except BaseException:
        handle.undo_set_up()
        raise
    handle.made_kept()
    return Restored(*counts, len(unknown), made)


class Recoveries(namedtuple("Recoveries", "destroyed failed")):
    """The stale recovery files of `[sauvegarde] dossier`: destroyed (or to be, in a dry
    run), and those that could not be, with why."""

    __slots__ = ()


def _same(path: str) -> str:
    """A file's path with its folder resolved (its own name never followed)."""
    return os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))


def _a_backup(name: str) -> bool:
    return name.startswith("sauvegarde-")


def purge_recoveries(store, configured: str | None, simulated: bool) -> Recoveries:
    """The recovery files of this store that hold a key the key store records as destroyed,
    destroyed: those under `[sauvegarde] dossier` and those written where `cle secours -o`
    said (when they are still there, and still recovery files of this store), recognised by
    their header, never followed through a link. The purge's key destruction holds against
    them too. A file holding only kept keys stays: it is the consultant's way back."""
    current = store.keys.state
    if current is None:
        return Recoveries([], [])
    peeked = installation.peek(store.keys.keys_path())
    if peeked is None or not peeked.destroyed:
        return Recoveries([], [])
    found = {}
    where = os.path.expanduser(configured) if configured else None
    if where and os.path.isdir(where):
        found.update(secours.found_in(where, current.store_id, skip=_a_backup))
    for path in peeked.recovery_files:
        header = secours.peek(path)
        if header is not None and header.store_id == current.store_id:
            found.setdefault(path, header)
    # One file met both ways (the folder named through a link): destroyed and told once.
    found = {_same(path): header for path, header in sorted(found.items())}
    destroyed, failed = [], []
    for path, header in sorted(found.items()):
        if header.names.isdisjoint(peeked.destroyed):
            continue
        if not simulated:
            try:
                secours.destroy(path)
            except OSError as exc:
                failed.append((path, os_reason(exc)))
                continue
        destroyed.append(path)
    return Recoveries(destroyed, failed)
