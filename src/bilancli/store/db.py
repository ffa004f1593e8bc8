"""Opening the store: location, private permissions, identity, pragmas, migrations,
transactions.

`bilans.db` is marked as bilancli's (`PRAGMA application_id`): another program's SQLite
file placed there is refused and left untouched. A command that only reads never writes
the store: where the schema is older than this version, it reads a migrated copy in
memory; the first command that writes brings the file up to date.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import contextmanager

from bilancli import messages as msg
from bilancli.errors import NoRoom, fail, os_reason
from bilancli.store import schema, scellement
from bilancli.store.cles.trousseau import Keys
from bilancli.store.dossier import drafts
from bilancli.store.private import ensure_home
from bilancli.store.shred import shred_name
from bilancli.store.writes import Tx

DB_NAME = "bilans.db"
JOURNAL = DB_NAME + "-journal"
BUSY_TIMEOUT_MS = 30_000  # two terminals at once: a write waits for the other
APPLICATION_ID = 0x42696C61   # "Bila"
# PERSIST: SQLite leaves the rollback journal in place after a transaction (its header
# zeroed) instead of unlinking it; `Store.scrub_journal` then zeroes it whole and removes it.
# A journal holds the pages as they were before the change — content a purge has just
# destroyed, text a `set` replaced — and an unlinked one would leave them in the disk's
# free blocks. Set once the file is known to be ours: on another program's WAL database,
# changing the journal mode would write into it.
_JOURNAL_MODE = "PRAGMA journal_mode = PERSIST"
_PRAGMAS = ("foreign_keys = ON", "secure_delete = ON", f"busy_timeout = {BUSY_TIMEOUT_MS}")


class Store:
    """One connection to `bilans.db`, opened for one command."""

    def __init__(self, home: str, *, create: bool = True, writable: bool | None = None,
                 backup: bool = False) -> None:
        """`create=False` is for commands that only read: where no store exists yet (a
        mistyped `--home`), they read an empty one in memory and leave nothing behind.
        `writable=True` with it (the purge) writes into a store that exists, and creates none.
        `backup`: the store of a backup folder (or a restore's staging), which has no drafts.
        Opening never writes anything but what SQLite itself must (a hot journal rolled back)."""
        self.home = os.fspath(home)
        self.path = os.path.join(self.home, DB_NAME)
        self.writable = create if writable is None else writable
        self.in_memory = False   # a store read in memory (none yet, or an older one) has no journal
        if os.path.lexists(self.home) and not os.path.isdir(self.home):
            raise fail(msg.STORE_INACCESSIBLE, chemin=self.home, raison=msg.RAISONS_SYSTEME["EEXIST"])
        if create:
            ensure_home(self.home, tighten=False)   # made 0700 once the store is known ours
            os.umask(0o077)   # every file SQLite creates (journal, temporary) is private too
        self.identity = None     # (device, inode) of the file the connection holds
        self.backup = backup
        self._keys = None
        if not (self.writable or backup) and self._read_decided():
            return
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            info = None
        except OSError as exc:
            raise fail(msg.STORE_INACCESSIBLE, chemin=self.path, raison=os_reason(exc)) from None
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise fail(msg.CHEMIN_LIEN if stat.S_ISLNK(info.st_mode) else msg.STORE_ETRANGER,
                       chemin=self.path)
        if info is None and not create:
            self._open_empty()
            return
        self._check_journal()
        self._connect(create)
        if create:
            ensure_home(self.home)

    def _check_journal(self) -> None:
        """SQLite would read a hot journal through a link, and write the next one there:
        a link (or anything but a regular file) at `bilans.db-journal` makes the store
        unreadable, said as such; the link and its target are left as they are."""
        try:
            info = os.lstat(os.path.join(self.home, JOURNAL))
        except FileNotFoundError:
            return
        except OSError as exc:
            raise fail(msg.STORE_INACCESSIBLE, chemin=self.path, raison=os_reason(exc)) from None
        if not stat.S_ISREG(info.st_mode):
            raise fail(msg.STORE_ILLISIBLE, chemin=self.path)

    def _read_decided(self) -> bool:
        """A restore a kill cut short after its point of no return: the next command that
        writes finishes it (`store.restore.finish_left_over`); a command that only reads
        reads the store it decided, copied in memory, and writes nothing."""
        where = drafts.decided_left_over(self.home)
        staged = os.path.join(where, DB_NAME) if where else None
        if staged is None or not os.path.isfile(staged):
            return False
        try:
            origin = sqlite3.connect(staged)
            try:
                memory = sqlite3.connect(":memory:", isolation_level=None)
                origin.backup(memory)
            finally:
                origin.close()
        except sqlite3.Error:
            return False     # finished meanwhile by a command that writes: the store is in place
        self.conn, self.in_memory = memory, True
        return True

    def _same_file(self) -> bool:
        """Whether `bilans.db` is still the file this connection holds: a restore may have
        put another in its place while this command waited for the write lock."""
        if self.in_memory or self.identity is None:
            return True
        try:
            now = os.stat(self.path)
        except OSError:
            return False
        return (now.st_dev, now.st_ino) == self.identity

    def _file_identity(self):
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return info.st_dev, info.st_ino

    def _connect(self, create: bool) -> None:
        writable = self.writable
        try:
            if create:   # a new store is created private; an existing one is checked first
                os.close(os.open(self.path, os.O_CREAT | os.O_RDWR | os.O_NOFOLLOW, 0o600))
            # The same file before and after the connection is made: the one it holds.
            while True:
                before = self._file_identity()
                self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                            isolation_level=None)
                self.conn.execute("PRAGMA schema_version").fetchone()   # the file is opened here
                self.identity = self._file_identity()
                if before == self.identity:
                    break
                self.conn.close()
            for pragma in _PRAGMAS:
                self.conn.execute(f"PRAGMA {pragma}")
            kind, version = self._identify()
            if kind != "foreign":
                self.conn.execute(_JOURNAL_MODE)
                if self.writable or not self.backup:   # a backup only looked at is left as it is
                    self._recover_journal()
                if create:
                    self._make_private()
        except sqlite3.DatabaseError:
            raise fail(msg.STORE_ILLISIBLE, chemin=self.path) from None
        except OSError as exc:
            raise fail(msg.STORE_INACCESSIBLE, chemin=self.path, raison=os_reason(exc)) from None
        if kind == "foreign":
            self.conn.close()
            raise fail(msg.STORE_ETRANGER, chemin=self.path)
        if version > schema.SCHEMA_VERSION:
            self.conn.close()
            raise fail(msg.STORE_TROP_RECENT, chemin=self.path)
        if kind == "empty" and not create:
            self.conn.close()
            self._open_empty()
        elif version < schema.SCHEMA_VERSION or kind != "ours":
            if writable:
                with self.write():
                    self._migrate()
            else:
                self._read_migrated_copy()

    def _make_private(self) -> None:
        """0600: only once the file is known to be ours (another program's keeps its mode)."""
        fd = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW)
        try:
            if stat.S_IMODE(os.fstat(fd).st_mode) != 0o600:
                os.fchmod(fd, 0o600)
        finally:
            os.close(fd)

    def _identify(self) -> tuple[str, int]:
        """("ours" | "legacy" | "empty" | "foreign", user_version)."""
        application = self.conn.execute("PRAGMA application_id").fetchone()[0]
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if application == APPLICATION_ID:
            return "ours", version
        if application != 0:
            return "foreign", version
        tables = {row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables and version == 0:
            return "empty", 0
        # The first bilancli stores were not marked yet: our migrations' own record says so.
        if "_sqlite_migrations" in tables and "bilans" in tables and self.conn.execute(
                "SELECT 1 FROM _sqlite_migrations WHERE migration_set = 'bilancli' LIMIT 1").fetchone():
            return "legacy", version
        return "foreign", version

    def _migrate(self) -> None:
        schema.apply(self.conn)
        self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def _read_migrated_copy(self) -> None:
        """An older store, read by a command that must not write: migrate a copy in memory."""
        memory = sqlite3.connect(":memory:", isolation_level=None)
        self.conn.backup(memory)
        self.conn.close()
        self.conn, self.in_memory = memory, True
        with self.write():
            self._migrate()

    def _recover_journal(self) -> None:
        """A command killed mid-transaction leaves `bilans.db-journal`: SQLite rolls a hot one
        back at the first read; one it does not (emptied, or left after the fact) may still
        hold pages of content, so it is destroyed, under the write lock so that no other
        writer's live journal is ever touched."""
        journal = os.path.join(self.home, JOURNAL)
        if not os.path.lexists(journal):
            return
        self.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()   # hot: rolled back here
        self.scrub_journal()

    def scrub_journal(self) -> None:
        """Zero and remove the journal a finished transaction left (journal_mode PERSIST),
        under the write lock, taken without waiting: a writer that holds it now will scrub
        the journal (the whole file, ours included) when it is done."""
        journal = os.path.join(self.home, JOURNAL)
        if self.in_memory or not os.path.lexists(journal):
            return
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return   # another command is writing: its journal is alive
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            if self._same_file():   # else the journal is the restored store's, maybe alive
                shred_name(journal)
        finally:
            self.conn.execute("ROLLBACK")

    def _open_empty(self) -> None:
        self.conn, self.in_memory = sqlite3.connect(":memory:", isolation_level=None), True
        with self.write():
            self._migrate()

    def _begin(self, reopen: bool) -> None:
        """BEGIN IMMEDIATE, into the file now at `bilans.db`. A restore holds the write lock
        from its checks to its swap: a writer that waited for it finds another file in place.
        With `reopen` (nothing read yet: `transaction`), it writes into the restored store;
        otherwise what it read is of the replaced store, and it is refused."""
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY:
                    raise fail(msg.STORE_OCCUPE) from None
                if self._same_file():
                    raise
            except sqlite3.DatabaseError:
                if self._same_file():
                    raise
            else:
                if self._same_file():
                    return
                self.conn.execute("ROLLBACK")
            if not reopen:
                raise fail(msg.STORE_REMPLACEE)
            self.conn.close()
            self._connect(create=False)

    @contextmanager
    def hold(self):
        """The write lock, held without writing, by a second connection beside this one
        (which goes on reading: SQLite's backup of a store cannot run from a connection that
        holds it): every other writer waits (a restore from its checks to its swap, a
        backup over its copy). Refused when the file was replaced since this store opened."""
        if self.in_memory:
            yield self.conn
            return
        locker = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            try:
                locker.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY:
                    raise fail(msg.STORE_OCCUPE) from None
                if self._same_file():
                    raise
                raise fail(msg.STORE_REMPLACEE) from None   # the replaced file, destroyed meanwhile
            if not self._same_file():
                raise fail(msg.STORE_REMPLACEE)
            yield self.conn
        finally:
            locker.close()   # its transaction rolled back: nothing was written

    @contextmanager
    def write(self, reopen: bool = False):
        """One all-or-nothing transaction; IMMEDIATE so a second writer waits, never fails.
        When a statement fails (a full disk), the rollback that follows may fail too: the
        first error is the one that tells what happened."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self._begin(reopen)
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            try:
                self.scrub_journal()
            except (OSError, sqlite3.Error):
                pass   # the first error tells what happened; the next command scrubs
            no_room = _no_room(exc)
            if no_room is not None:
                raise no_room from None
            raise
        self.scrub_journal()

    @contextmanager
    def transaction(self):
        """`write()`, handing out a `Tx`: snapshots to read, decisions to apply. The first
        one of a store that succeeds sets its encryption up (SPEC §15), as its last step: a
        command refused makes no key anywhere. Every value in clear is sealed then (a store of
        an earlier version, and what this first command wrote), and once that is committed
        the plaintext it replaced is destroyed."""

        replaced = False
        try:
            with self.write(reopen=True) as conn:
                yield Tx(conn, self)
                if not self.in_memory:
                    replaced = scellement.set_up(conn, self.keys)
        except BaseException:
            if self._keys is not None:
                self._keys.undo_new()   # a first write that failed leaves no key behind
            raise
        if self._keys is not None:
            self._keys.made_kept()
        if replaced:
            self.destroy_plaintext()

    def destroy_plaintext(self) -> None:
        """What the purge guarantees for the content it destroys, for the plaintext a store of
        an earlier version held: its freed pages zeroed (`secure_delete`, on), the file
        rebuilt (VACUUM) so that no page of it is left, the journal zeroed and removed."""
        self.conn.execute("VACUUM")
        self.scrub_journal()   # VACUUM's journal held every page as it was

    @property
    def keys(self) -> Keys:
        """The data keys of this store (SPEC §15), opened when first needed."""
        if self._keys is None:
            self._keys = Keys(self.home, lambda: self.conn)
        return self._keys

    def close(self) -> None:
        if self._keys is not None:
            self._keys.close()
        self.conn.close()


def _no_room(exc: BaseException):
    """A write the system refused for want of room, said like a full disk (SPEC §8): a quota
    or a file-size limit (EDQUOT, EFBIG), which SQLite reports as a failed write, named when
    it can be known (a full disk, SQLITE_FULL or ENOSPC, is said at the CLI's boundary).
    None for anything else."""
    import errno

    if isinstance(exc, OSError) and exc.errno in (errno.EDQUOT, errno.EFBIG):
        cause = os_reason(exc)
    elif getattr(exc, "sqlite_errorcode", None) in _WRITE_REFUSED:
        import resource

        limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
        cause = (msg.RAISONS_SYSTEME["EFBIG"] if limit != resource.RLIM_INFINITY
                 else msg.CAUSE_ECRITURE_BASE)
    else:
        return None
    template = msg.BASE_SANS_PLACE
    return NoRoom(template.format(cause=cause), template.key, {"cause": cause})


# SQLite's words for "the system refused to write or grow the file" (EFBIG, EDQUOT land here).
_WRITE_REFUSED = {getattr(sqlite3, name) for name in (
    "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_TRUNCATE") if hasattr(sqlite3, name)}
