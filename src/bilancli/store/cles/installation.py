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
from bilancli.store.cles import cipher, maitre
from bilancli.store.shred import shred_name

KEYS_FILE = "trousseau.db"


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
        except sqlite3.Error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise fail(msg.TROUSSEAU_ECRITURE, chemin=self.keys_path()) from None
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
            self._opened(make=True)
        except BaseException:
            self.undo_set_up()
            raise
        return master

    def ensure_store(self) -> None:
        """The key store, made under the master key at hand when it went missing (a recovery
        file restored where the master key is kept but its key store is not)."""
        self._opened(make=not os.path.lexists(self.keys_path()))

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
