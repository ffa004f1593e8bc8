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
from bilancli.store import schema

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


def new_private_file(path, readable: bool = False, dir_fd: int | None = None) -> int:
    """A file created anew (inside the folder `dir_fd` when given), never wider than 0600
    whatever the umask, never through a link (O_EXCL, O_NOFOLLOW): its descriptor, open for
    writing (and reading with `readable`)."""
    access = os.O_RDWR if readable else os.O_WRONLY
    return os.open(path, os.O_CREAT | os.O_EXCL | access | os.O_NOFOLLOW, 0o600, dir_fd=dir_fd)


def ensure_private_dir(path):
    """A folder of the data folder readable by the consultant alone (0700). A link in its
    place is refused: a mode changed through it would change a folder elsewhere."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        try:
            os.makedirs(path, mode=0o700, exist_ok=True)
            info = os.lstat(path)
        except OSError as exc:
            raise fail(msg.STORE_INACCESSIBLE, chemin=path, raison=os_reason(exc)) from None
    except OSError as exc:
        raise fail(msg.STORE_INACCESSIBLE, chemin=path, raison=os_reason(exc)) from None
    if stat.S_ISLNK(info.st_mode):
        raise fail(msg.CHEMIN_LIEN, chemin=path)
    if not stat.S_ISDIR(info.st_mode):
        raise fail(msg.CHEMIN_PAS_DOSSIER, chemin=path)
    if stat.S_IMODE(info.st_mode) != 0o700:
        try:
            os.chmod(path, 0o700)
        except OSError as exc:
            raise fail(msg.STORE_INACCESSIBLE, chemin=path, raison=os_reason(exc)) from None
    return path


def ensure_home(home: str) -> None:
    """The data folder itself may be a link the consultant made (to an encrypted volume):
    it is the data folder. Created 0700 when missing."""
    try:
        os.makedirs(home, mode=0o700, exist_ok=True)
        if stat.S_IMODE(os.stat(home).st_mode) != 0o700:
            os.chmod(home, 0o700)
    except OSError as exc:
        raise fail(msg.STORE_INACCESSIBLE, chemin=home, raison=os_reason(exc)) from None


class Store:
    """One connection to `bilans.db`, opened for one command."""

    def __init__(self, home: str, *, create: bool = True, writable: bool | None = None) -> None:
        """`create=False` is for commands that only read: where no store exists yet (a
        mistyped `--home`), they read an empty one in memory and leave nothing behind.
        `writable=True` with it (the purge) writes into a store that exists, and creates none."""
        self.home = os.fspath(home)
        self.path = os.path.join(self.home, DB_NAME)
        self.writable = create if writable is None else writable
        self.in_memory = False   # a store read in memory (none yet, or an older one) has no journal
        if os.path.lexists(self.home) and not os.path.isdir(self.home):
            raise fail(msg.STORE_INACCESSIBLE, chemin=self.home, raison=msg.RAISONS_SYSTEME["EEXIST"])
        if create:
            ensure_home(self.home)
            os.umask(0o077)   # every file SQLite creates (journal, temporary) is private too
        from bilancli.store import drafts

        drafts.destroy_left_over(self.home)
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

    def _connect(self, create: bool) -> None:
        writable = self.writable
        try:
            if create:   # a new store is created private; an existing one is checked first
                os.close(os.open(self.path, os.O_CREAT | os.O_RDWR | os.O_NOFOLLOW, 0o600))
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                        isolation_level=None)
            for pragma in _PRAGMAS:
                self.conn.execute(f"PRAGMA {pragma}")
            kind, version = self._identify()
            if kind != "foreign":
                self.conn.execute(_JOURNAL_MODE)
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
            from bilancli.store.shred import shred_name

            shred_name(journal)
        finally:
            self.conn.execute("ROLLBACK")

    def _open_empty(self) -> None:
        self.conn, self.in_memory = sqlite3.connect(":memory:", isolation_level=None), True
        with self.write():
            self._migrate()

    @contextmanager
    def write(self):
        """One all-or-nothing transaction; IMMEDIATE so a second writer waits, never fails.
        When a statement fails (a full disk), the rollback that follows may fail too: the
        first error is the one that tells what happened."""
        if self.conn.in_transaction:
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY:
                raise fail(msg.STORE_OCCUPE) from None
            raise
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
        """`write()`, handing out a `Tx`: snapshots to read, decisions to apply."""
        from bilancli.store.writes import Tx

        with self.write() as conn:
            yield Tx(conn, self)

    def close(self) -> None:
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
