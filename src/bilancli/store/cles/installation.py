"""What the store of data keys does for recovery files (SPEC §15, `store.cles.secours`):
every kept key opened for a file to hold, a file's keys installed (never replacing a kept
key, never bringing back a destroyed one), a store brought to a new machine set up again,
and the file made stale once a key it holds is destroyed. `Keys` takes these methods from
`KeysRecovery`; `peek` reads a key store without its master key."""

from __future__ import annotations

import os
import sqlite3
from collections import namedtuple

from bilancli import messages as msg
from bilancli.errors import fail
from bilancli.settings import load_config
from bilancli.store.cles import cipher, copies, maitre
from bilancli.store.disk import is_full
from bilancli.store.shred import shred_name

KEYS_FILE = "trousseau.db"
def no_room(exc: BaseException, folder: str) -> bool:
    """Whether a failed write into the key store's `folder` says there is no room, as
    `store.disk` tells it for the store and the backups."""
    return is_full(exc, folder)


class Peek(namedtuple("Peek", "kept destroyed recovery_files")):
    """What a key store tells without its master key: how many keys it keeps, the names of
    those destroyed, and where recovery files were written."""

    __slots__ = ()


def peek(path: str) -> Peek | None:
    """The key store at `path`, read only and without the master key (`cle etat`, the
    purge of recovery files); None when there is none or it cannot be read."""
    import pathlib

    if not os.path.isfile(path):
        return None
    try:
        db = sqlite3.connect(pathlib.Path(path).as_uri() + "?mode=ro", uri=True)
        try:
            kept = db.execute("SELECT COUNT(*) FROM cles").fetchone()[0]
            destroyed = {r[0] for r in db.execute("SELECT bilan_id FROM detruites")}
            try:
                files = [r[0] for r in db.execute("SELECT chemin FROM secours_fichiers ORDER BY chemin")]
            except sqlite3.OperationalError:   # a key store no recovery file was made from
                files = []
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return Peek(kept, destroyed, files)


class Remains(namedtuple("Remains", "kept destroyed files served", defaults=(None,))):
    """What a key store whose master key is lost still tells (it needs none): the names of
    its keys, those destroyed with when, where recovery files were written, and the data
    folder it served."""

    __slots__ = ()


def remains(path: str) -> Remains:
    """The key store at `path` read without its master key, for `rebuild`; refused when it
    cannot be read (its record of destroyed keys must never be lost on a guess). An empty
    file holds nothing."""
    import pathlib

    if os.path.getsize(path) == 0:
        return Remains(set(), {}, [])
    try:
        db = sqlite3.connect(pathlib.Path(path).as_uri() + "?mode=ro", uri=True)
        try:
            kept = {r[0] for r in db.execute("SELECT bilan_id FROM cles")}
            destroyed = dict(db.execute("SELECT bilan_id, le FROM detruites"))
            try:
                files = [r[0] for r in db.execute("SELECT chemin FROM secours_fichiers")]
            except sqlite3.OperationalError:
                files = []
            served = copies.served(db)
        finally:
            db.close()
    except sqlite3.Error:
        raise fail(msg.TROUSSEAU_ILLISIBLE, chemin=path, raison=msg.TROUSSEAU_PAS_UNE_BASE) from None
    return Remains(kept, destroyed, files, served)


class KeysRecovery:
    """The recovery side of `trousseau.Keys` (which holds the state, the master key and the
    open key store these methods use)."""

    def _recovery_stale(self, db, ids, on: str) -> None:
        """A key the last recovery file holds is destroyed: that file is stale from `on`.
        Told again by a purge that finds the key already gone (a kill between the two)."""
        current = self.state
        if current.secours_le is None or current.secours_perime_le is not None:
            return
        held = {r[0] for r in db.execute("SELECT bilan_id FROM secours")}
        if held.isdisjoint(ids):
            return
        self.conn.execute("UPDATE chiffrement SET secours_perime_le = ? "
                          "WHERE secours_le IS NOT NULL AND secours_perime_le IS NULL", (on,))
        self.forget_state()

    def exported(self) -> dict[str, bytes]:
        """Every data key kept, opened: what a recovery file holds."""
        db = self._opened()
        return {name: self._unwrap(name, wrapped)
                for name, wrapped in db.execute("SELECT bilan_id, cle FROM cles ORDER BY bilan_id")}

    def recovery_file(self, path: str) -> None:
        """A recovery file is about to be written at `path`: recorded first, so that the
        purge finds it even when the command is killed before recording the rest."""
        db = self._opened()
        try:
            db.execute("INSERT OR IGNORE INTO secours_fichiers (chemin) VALUES (?)", (path,))
        except sqlite3.Error as exc:
            raise self._write_refused(exc) from None

    def recovery_made(self, names, on: str, path: str) -> None:
        """A recovery file holding these keys was made `on` at `path`: the store's row says so
        (the caller holds the store's write transaction), the key store remembers their names
        and where it went."""
        db = self._opened()
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM secours")
            db.executemany("INSERT INTO secours (bilan_id) VALUES (?)", ((n,) for n in sorted(names)))
            db.execute("INSERT OR IGNORE INTO secours_fichiers (chemin) VALUES (?)", (path,))
            db.execute("COMMIT")
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise fail(msg.TROUSSEAU_ECRITURE, chemin=self.keys_path()) from None
        self.conn.execute("UPDATE chiffrement SET secours_le = ?, secours_perime_le = NULL", (on,))
        self.forget_state()

    def recovery_checked(self, names, on: str) -> bool:
        """After `recovery_made`: whether a key of the file was destroyed meanwhile (the purge
        destroys keys in their own store); if so the file is recorded stale from `on`."""
        if set(names) <= set(self.kept()):
            return False
        self.conn.execute("UPDATE chiffrement SET secours_perime_le = ?", (on,))
        self.forget_state()
        return True

    def install(self, keys: dict[str, bytes], gone: dict[str, str]) -> tuple[int, int, int]:
        """Keys of a recovery file added to the key store, in one transaction: a key kept is
        never replaced, a key destroyed (`detruites`) never comes back, nor one whose content
        the store says is destroyed (`gone`: name → when; recorded destroyed from then on).
        Returns (installed, refused as destroyed, already kept)."""
        db = self._opened()
        installed = refused = already = 0
        try:
            db.execute("BEGIN IMMEDIATE")
            for name, key in sorted(keys.items()):
                if name in gone:
                    db.execute("INSERT OR IGNORE INTO detruites (bilan_id, le) VALUES (?, ?)",
                               (name, gone[name]))
                if db.execute("SELECT 1 FROM detruites WHERE bilan_id = ?", (name,)).fetchone():
                    refused += 1
                elif db.execute("SELECT 1 FROM cles WHERE bilan_id = ?", (name,)).fetchone():
                    already += 1
                else:
                    db.execute("INSERT INTO cles (bilan_id, cle) VALUES (?, ?)",
                               (name, cipher.seal(self._master(), self._wrap_bound(name), key)))
                    installed += 1
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise self._write_refused(exc) from None
        return installed, refused, already

    def set_up_again(self) -> maitre.Master:
        """A store brought to a machine that has neither its master key nor its key store (a
        recovery file restored there): a new master key where SPEC §15 says, an empty key
        store, and `chiffrement.maitre` updated (the caller holds the store's write
        transaction). What it made is undone by `undo_set_up` when the rest fails."""
        new = cipher.new_key()
        master, key = maitre.establish(self.home, load_config(self.home), self.state.store_id, new)
        # A key file the consultant had made and named is read, not made: never undone.
        self._made = (self.state.store_id, master, key == new)
        try:
            self.conn.execute("UPDATE chiffrement SET maitre = ?", (master.source,))
            self.forget_state()
            self._master_key = key
            self._record_folder(self._opened(make=True))
        except BaseException:
            self.undo_set_up()
            raise
        return master

    def rebuild(self, old: Remains, keys: dict[str, bytes], gone: dict[str, str]):
        """The key store whose master key is lost (a USB key gone), made again from a
        recovery file: a new master key, the file's keys sealed under it, the old store's
        record of destroyed keys kept (they never come back) and of recovery files written.
        The old store is set aside (`aside`) until the caller's transaction is committed, then
        destroyed (`drop_aside`); put back (`put_back`) when anything fails. The caller holds
        the store's write transaction. Returns (the counts of `install`, the new master key)."""
        path, aside = self.keys_path(), self.aside()
        self.close()
        if os.path.lexists(aside):
            shred_name(aside)   # left by a restore killed part-way
        os.replace(path, aside)
        master = self.set_up_again()
        db = self._opened()
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR IGNORE INTO detruites (bilan_id, le) VALUES (?, ?)",
                           sorted(old.destroyed.items()))
            db.executemany("INSERT OR IGNORE INTO secours_fichiers (chemin) VALUES (?)",
                           ((f,) for f in old.files))
            # Rebuilt from a copy of the data folder, the key store still serves the folder
            # it served while that folder holds the store: the copy never becomes the original.
            if old.served is not None and copies.holds(old.served, self.state.store_id):
                copies.record(db, old.served)
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise self._write_refused(exc) from None
        return self.install(keys, gone), master

    def aside(self) -> str:
        return self.keys_path() + ".ancien"

    def put_back(self) -> None:
        """The old key store back where it was (a rebuild that failed, undone)."""
        if os.path.lexists(self.aside()) and not os.path.lexists(self.keys_path()):
            os.replace(self.aside(), self.keys_path())

    def drop_aside(self) -> None:
        shred_name(self.aside())

    def ensure_store(self) -> None:
        """The key store, made under the master key at hand when it went missing (a recovery
        file restored where the master key is kept but its key store is not)."""
        path = self.keys_path()
        if os.path.lexists(path) and os.path.isfile(path) and os.path.getsize(path) == 0:
            shred_name(path)   # an empty file where the key store was: made again here
        made = not os.path.lexists(path)
        db = self._opened(make=made)
        if made:
            self._record_folder(db)

    def undo_set_up(self) -> None:
        """What `set_up_again` made, destroyed: a failed restore leaves no key behind."""
        made = getattr(self, "_made", None)
        if made is None:
            return
        store_id, master, key_made = made
        self.close()
        shred_name(os.path.join(maitre.store_folder(store_id), KEYS_FILE))
        if key_made:
            maitre.forget(store_id, master)
        self._master_key = None
        self._made = None

    def undo_new(self) -> None:
        """What `set_up` made, destroyed (the first write failed: a full disk): nothing but
        the caller's rolled-back transaction is left of it."""
        made = getattr(self, "_made", None)
        if made is None:
            return
        self.undo_set_up()
        self._keys.clear()
        folder = maitre.store_folder(made[0])
        try:
            os.rmdir(folder)   # only when empty: a key file the consultant named is elsewhere
        except OSError:
            pass
        self.forget_state()

    def made_kept(self) -> None:
        """The first write committed: what `set_up` made is the store's from now on."""
        self._made = None

    def _record_folder(self, db) -> None:
        try:
            copies.record(db, self.home)
        except sqlite3.Error as exc:
            raise self._write_refused(exc) from None

    def _write_refused(self, exc):
        """The refusal of a failed write into the key store: a full disk said as one."""
        path = self.keys_path()
        if no_room(exc, os.path.dirname(path)):
            return fail(msg.TROUSSEAU_DISQUE_PLEIN, chemin=path)
        return fail(msg.TROUSSEAU_ECRITURE, chemin=path)
