"""The data keys of one store: one random key per bilan, kept outside the data folder in a
small SQLite file of their own (`trousseau.db`, beside the store's master key folder), each
sealed under the master key and bound to its store and bilan.

`Keys` is what the store hands to the code that writes or reads content: nothing is opened
until a value must be sealed or opened, so that a command that touches no content (`list`,
`agenda`, `stats`, `factures`) reads no key and imports no cipher. Destroying a bilan's key
(the purge, a bilan deleted) is committed before its content is touched: from that instant
every copy of that content, anywhere, is noise.
"""

from __future__ import annotations

import os
import sqlite3
from collections import namedtuple
from datetime import date

from bilancli import messages as msg
from bilancli.core.dates import format_date
from bilancli.errors import fail, os_reason
from bilancli.settings import load_config
from bilancli.store.cles import cipher, copies, maitre
from bilancli.store.cles.installation import KEYS_FILE, KeysRecovery, no_room

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS cles (bilan_id TEXT PRIMARY KEY, cle BLOB NOT NULL)",
    # The bilans whose key was destroyed, and when: what a copy's reader is told. No key.
    "CREATE TABLE IF NOT EXISTS detruites (bilan_id TEXT PRIMARY KEY, le TEXT NOT NULL)",
    # The master key sealed under itself: a wrong master key is told before any bilan's.
    "CREATE TABLE IF NOT EXISTS verification (id INTEGER PRIMARY KEY CHECK (id = 1), preuve BLOB NOT NULL)",
    # The names of the keys the last recovery file holds (never a key): destroying one of
    # them makes that file stale (`chiffrement.secours_perime_le`, the agenda's `cle_secours`).
    "CREATE TABLE IF NOT EXISTS secours (bilan_id TEXT PRIMARY KEY)",
    # Where recovery files were written (`cle secours -o`): the purge destroys there those
    # that went stale, as it destroys the other files the tool wrote. Paths, never a key.
    "CREATE TABLE IF NOT EXISTS secours_fichiers (chemin TEXT PRIMARY KEY)",
)
_PROOF = b"bilancli"
# What a key store holds from the day it is made: one without them is not one (an empty file).
_CORE = frozenset({"cles", "detruites", "verification"})


def _day(iso_day: str) -> str:
    """A tombstone's day as the consultant reads dates."""
    try:
        return format_date(date.fromisoformat(iso_day))
    except ValueError:
        return iso_day


def key_name(bilan_id: str, group: str | None = None) -> str:
    """A data key's name: the bilan's id, and the group of its content that R6313-7 lets
    outlive the rest (the synthèse kept under an exception), so that each part can be
    destroyed in its time."""
    return bilan_id if group is None else f"{bilan_id}/{group}"


class State(namedtuple("State", "store_id master clear secours_le secours_perime_le")):
    """The store's row of `chiffrement`: its id, where its master key was made, whether
    content is still in clear (a store of an earlier version, until its first write)."""

    __slots__ = ()


def state(conn) -> State | None:
    """The store's encryption, None before it is set up (a new store, or an earlier version)."""
    try:
        row = conn.execute("SELECT magasin, maitre, clair, secours_le, secours_perime_le "
                           "FROM chiffrement").fetchone()
    except sqlite3.OperationalError:   # a store read before its migration: no table yet
        return None
    return None if row is None else State(*row)


class Keys(KeysRecovery):
    """The data keys of the store open on `conn`, opened when first needed (what recovery
    files need of them: `installation.KeysRecovery`)."""

    def __init__(self, home: str, connection) -> None:
        """`connection()` gives the store's connection now: a command that waited for a
        restore reconnects to the store put in place."""
        self.home = home
        self._connection = connection
        self._state = None
        self._read_on = None
        self._master_key = None
        self._db = None
        self._verified = False
        self._keys: dict[str, bytes] = {}

    # What the store says of its encryption.
    @property
    def conn(self):
        return self._connection()

    @property
    def state(self) -> State | None:
        conn = self.conn
        if self._read_on is not conn:
            self._state, self._read_on = state(conn), conn
        return self._state

    def forget_state(self) -> None:
        """After a write to `chiffrement`: read it again when next asked."""
        self._read_on = None

    @property
    def sealing(self) -> bool:
        """Whether content written now is sealed (the store is set up and no longer in clear)."""
        current = self.state
        return current is not None and not current.clear

    def master(self) -> maitre.Master:
        current = self.state
        return maitre.where(load_config(self.home), current.store_id, current.master)

    def keys_path(self) -> str:
        return os.path.join(maitre.store_folder(self.state.store_id), KEYS_FILE)

    # Sealing and opening one value.
    def bound(self, table: str, column: str, bilan_id: str) -> bytes:
        return cipher.bound_to(self.state.store_id, table, column, bilan_id)

    def seal(self, table: str, column: str, bilan_id: str, value, group: str | None = None):
        """The value as stored: sealed under its bilan's key (of `group`, for content kept
        longer than the rest: `key_name`), made when it has none yet; as given when the store
        is not encrypted yet, or for None."""
        if value is None or not self.sealing:
            return value
        return cipher.seal(self.key(key_name(bilan_id, group), create=True),
                           self.bound(table, column, bilan_id), value)

    def open(self, table: str, column: str, bilan_id: str, value, group: str | None = None):
        """The value as written: opened when sealed; a value in clear is only ever met in a
        store not encrypted yet."""
        if not cipher.is_sealed(value):
            return value
        name = key_name(bilan_id, group)
        try:
            return cipher.open_sealed(self.key(name), self.bound(table, column, bilan_id), value)
        except cipher.Damaged:
            # A key made anew after the purge (a suivi note written later) does not open
            # what the destroyed one sealed: a copy's reader is told it was destroyed.
            gone = self._opened().execute("SELECT le FROM detruites WHERE bilan_id = ?",
                                          (name,)).fetchone()
            if gone is not None:
                raise fail(msg.CLE_BILAN_DETRUITE, id=bilan_id, le=_day(gone[0])) from None
            raise fail(msg.CONTENU_ENDOMMAGE, id=bilan_id, champ=f"{table}.{column}") from None

    # The keys.
    def key(self, name: str, create: bool = False) -> bytes:
        """The data key of this name (`key_name`)."""
        found = self._keys.get(name)
        if found is not None:
            return found
        db = self._opened()
        row = db.execute("SELECT cle FROM cles WHERE bilan_id = ?", (name,)).fetchone()
        bilan_id = name.partition("/")[0]
        if row is not None:
            key = self._unwrap(name, row[0])
        elif not create:
            gone = db.execute("SELECT le FROM detruites WHERE bilan_id = ?", (name,)).fetchone()
            if gone is not None:
                raise fail(msg.CLE_BILAN_DETRUITE, id=bilan_id, le=_day(gone[0]))
            raise fail(msg.CLE_BILAN_ABSENTE, id=bilan_id, chemin=self.keys_path())
        else:
            key = cipher.new_key()
            self._write(db, "INSERT INTO cles (bilan_id, cle) VALUES (?, ?)",
                        (name, cipher.seal(self._master(), self._wrap_bound(name), key)))
        self._keys[name] = key
        return key

    def destroy(self, names, on: str, kept_only: bool = False) -> int:
        """Destroy these keys (`key_name`), committed before the caller touches the content
        sealed under them. Returns how many keys there were. `kept_only`: a name without a
        key gets no tombstone (a sweep of keys that may have come back)."""
        ids = sorted(set(names))
        if not ids or self.state is None:
            return 0
        path = self.keys_path()
        if not os.path.exists(path):
            # Not "nothing to destroy": the keys are somewhere else (another XDG_CONFIG_HOME
            # or HOME: cron, sudo), and the content must not go before them.
            raise fail(msg.TROUSSEAU_ABSENT_DESTRUCTION, chemin=path)
        # Deleting needs no master key: a purge destroys keys even when it is not at hand.
        db = self._opened(verify=False)
        destroyed = 0
        try:
            db.execute("BEGIN IMMEDIATE")
            if not kept_only or any(db.execute("SELECT 1 FROM cles WHERE bilan_id = ?", (bid,)).fetchone()
                                    for bid in ids):
                copies.check_not_a_copy(db, self.home, self.state.store_id)
            for bid in ids:
                found = db.execute("DELETE FROM cles WHERE bilan_id = ?", (bid,)).rowcount
                destroyed += found
                if found or not kept_only:
                    db.execute("INSERT OR IGNORE INTO detruites (bilan_id, le) VALUES (?, ?)", (bid, on))
                self._keys.pop(bid, None)
            db.execute("COMMIT")
        except BaseException as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise fail(msg.TROUSSEAU_ECRITURE, chemin=path) from None
            raise
        self._recovery_stale(db, ids, on)
        return destroyed

    def kept(self) -> list[str]:
        """The names of the keys kept."""
        return [r[0] for r in self._opened().execute("SELECT bilan_id FROM cles ORDER BY bilan_id")]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
            self._verified = False

    # Setting a store up (the first command that writes).
    def set_up(self, store_id: str, clear: bool) -> maitre.Master:
        """Make a new store's master key and its store of keys, and record them in
        `chiffrement`; the caller holds the store's write transaction."""
        new = cipher.new_key()
        master, key = maitre.establish(self.home, load_config(self.home), store_id, new)
        # Undone when the first write fails after this (`undo_new`): no key store, no key
        # (but a key file the consultant made and named) left for a store never written.
        self._made = (store_id, master, key == new)
        try:
            self._master_key = key
            self.conn.execute("INSERT INTO chiffrement (magasin, maitre, clair) VALUES (?, ?, ?)",
                              (store_id, master.source, int(clear)))
            self.forget_state()
            self._record_folder(self._opened(make=True))
        except BaseException:
            self.undo_new()
            raise
        return master

    # Inside.
    def _wrap_bound(self, bilan_id: str) -> bytes:
        return cipher.bound_to(self.state.store_id, "cles", "cle", bilan_id)

    def _master(self) -> bytes:
        if self._master_key is None:
            self._master_key = maitre.read(self.home, self.master(), self.state.store_id)
        return self._master_key

    def _unwrap(self, bilan_id: str, wrapped: bytes) -> bytes:
        try:
            return cipher.open_sealed(self._master(), self._wrap_bound(bilan_id), wrapped)
        except cipher.Damaged:
            raise fail(msg.CLE_INCORRECTE, ou=self.master().described()) from None

    def _opened(self, make: bool = False, verify: bool = True):
        """The store of keys, checked against the master key (unless `verify` is False: to
        delete keys, which needs none). Made only when the store is set up (`make`): one that
        went missing is never replaced silently by an empty one."""
        if self._db is not None:
            if verify and not self._verified:
                self._verify(self._db)
            return self._db
        if self.state is None:
            raise fail(msg.CLE_ABSENTE, ou=msg.CLE_OU_AUCUNE)
        path = self.keys_path()
        maitre.check_outside(self.home, path)
        if not make and not os.path.exists(path):
            raise fail(msg.TROUSSEAU_ABSENT, chemin=path)
        db = None
        try:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            if make:
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o600))
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
            db.execute("PRAGMA secure_delete = ON")
            if not make:
                # Only `set_up` and a restore make a key store: an empty file (or another
                # base) is refused, never filled by a command that reads.
                tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if not _CORE <= tables:
                    db.close()
                    raise fail(msg.TROUSSEAU_ILLISIBLE, chemin=path, raison=msg.TROUSSEAU_INCOMPLET)
            for statement in _SCHEMA:
                db.execute(statement)
        except (sqlite3.DatabaseError, OSError) as exc:
            if db is not None:
                db.close()
            if no_room(exc, os.path.dirname(path)):
                raise fail(msg.TROUSSEAU_DISQUE_PLEIN, chemin=path) from None
            if isinstance(exc, OSError):
                raise fail(msg.TROUSSEAU_ILLISIBLE, chemin=path, raison=os_reason(exc)) from None
            raise fail(msg.TROUSSEAU_ILLISIBLE, chemin=path, raison=msg.TROUSSEAU_PAS_UNE_BASE) from None
        self._db = db
        if verify:
            self._verify(db)
        return db

    def _verify(self, db) -> None:
        bound = cipher.bound_to(self.state.store_id, "verification", "preuve", "")
        row = db.execute("SELECT preuve FROM verification").fetchone()
        if row is None:
            self._write(db, "INSERT INTO verification (id, preuve) VALUES (1, ?)",
                        (cipher.seal(self._master(), bound, _PROOF),))
        else:
            try:
                cipher.open_sealed(self._master(), bound, row[0])
            except cipher.Damaged:
                raise fail(msg.CLE_INCORRECTE, ou=self.master().described()) from None
        self._verified = True

    def _write(self, db, sql: str, args) -> None:
        """One statement of the store of keys, committed at once: a key is kept before the
        content sealed under it is."""
        try:
            db.execute(sql, args)
        except sqlite3.Error as exc:
            raise self._write_refused(exc) from None
