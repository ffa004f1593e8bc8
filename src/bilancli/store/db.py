"""Opening the store: location, private permissions, pragmas, migrations, transactions."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager

from bilancli import messages as msg
from bilancli.errors import fail, os_reason
from bilancli.store import schema

DB_NAME = "bilans.db"
BUSY_TIMEOUT_MS = 30_000  # two terminals at once: a write waits for the other


def ensure_private_dir(path):
    """Create a folder readable by the consultant alone (0700); returns `path` as given."""
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)
    except OSError as exc:
        raise fail(msg.STORE_INACCESSIBLE, chemin=path, raison=os_reason(exc)) from None
    return path


class Store:
    """One connection to `bilans.db`, opened for one command."""

    def __init__(self, home: str, *, create: bool = True) -> None:
        """`create=False` is for commands that only read: where no store exists yet (a
        mistyped `--home`), they read an empty one in memory and leave no folder behind."""
        self.home = os.fspath(home)
        self.path = os.path.join(self.home, DB_NAME)
        if not create and not os.path.lexists(home):
            self._open_empty()
            return
        ensure_private_dir(home)
        # Every file SQLite creates (journal, temporary) is private too.
        os.umask(0o077)
        try:
            if not os.path.exists(self.path):
                fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
            os.chmod(self.path, 0o600)
            self.conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            self.conn.row_factory = sqlite3.Row
            for pragma in (
                "foreign_keys = ON",
                "secure_delete = ON",
                f"busy_timeout = {BUSY_TIMEOUT_MS}",
            ):
                self.conn.execute(f"PRAGMA {pragma}")
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError:
            raise fail(msg.STORE_ILLISIBLE, chemin=self.path) from None
        except OSError as exc:
            raise fail(msg.STORE_INACCESSIBLE, chemin=self.path, raison=os_reason(exc)) from None
        if version < schema.SCHEMA_VERSION:
            with self.write():
                schema.apply(self.conn)

    def _open_empty(self) -> None:
        self.conn = sqlite3.connect(":memory:", isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        with self.write():
            schema.apply(self.conn)

    @contextmanager
    def write(self):
        """One all-or-nothing transaction; IMMEDIATE so a second writer waits, never fails."""
        if self.conn.in_transaction:
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            raise fail(msg.STORE_OCCUPE) from None
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()
