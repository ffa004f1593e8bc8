"""The store of one command: opened to read (never writing anything), or to write, after
the first step of every command that writes (`settle`)."""

from __future__ import annotations

from contextlib import contextmanager

from bilancli.store.conservation.restore import finish_left_over
from bilancli.store.db import Store


def settle(home: str) -> None:
    """The first step of every command that writes, never of one that only reads: a
    restore a kill cut short after its point of no return is finished, and the drafts of
    commands that are gone are destroyed."""
    finish_left_over(home)


@contextmanager
def _opened_if_there(home: str, writable: bool):
    """The store, never created: where none exists yet (a mistyped `--home`), an empty one
    in memory, and nothing is written anywhere."""
    store = Store(home, create=False, writable=writable)
    try:
        yield store
    finally:
        store.close()


def reading(home: str):
    """The store, for a command that only reads."""
    return _opened_if_there(home, writable=False)


def existing(home: str):
    """The store, for a command that writes only into a store that exists (the purge)."""
    settle(home)
    return _opened_if_there(home, writable=True)


def set_up(store) -> None:
    """The store's encryption set up when it is not yet (SPEC §15), as the first write of
    any other command does it (`Store.transaction`): a store of an earlier version sealed
    and its plaintext destroyed. For a command that writes without a transaction of its
    own (the purge, once it will write), so that what it keeps is kept sealed."""
    if store.in_memory:
        return
    current = store.keys.state
    if current is None or current.clear:
        with store.transaction():
            pass   # its last step sets the store up


@contextmanager
def writing(home: str):
    """One all-or-nothing transaction: `tx.load(id)` gives a bilan's snapshot,
    `tx.apply(change)` writes what `core/` decided."""
    settle(home)
    store = Store(home)
    try:
        with store.transaction() as tx:
            yield tx
    finally:
        store.close()
