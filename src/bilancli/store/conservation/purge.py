"""Destroying what R6313-7 says must go, so that nothing of it survives on disk.

Bilans are purged in batches: the batch's recorded files are overwritten and
unlinked first, then one transaction deletes the batch's content rows, marks
the files destroyed and writes the purge log. A `kill -9` before a commit
leaves every bilan of that batch's record untouched (some of their due files
may already be gone: a missing file counts as destroyed at the next run);
after it, they are fully purged. One commit per batch rather than per bilan:
each commit is an fsync. `secure_delete` zeroes freed pages; `finish`
truncates any WAL and rebuilds the file with VACUUM.
"""

from __future__ import annotations

import json
import os
from collections import namedtuple
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from bilancli.core import registry
from bilancli.core.conservation.retention import KEY_GROUPS, Deadline, keys_due
from bilancli.core.dates import iso
from bilancli.errors import BilanError
from bilancli.store.cles import cipher
from bilancli.store.cles.trousseau import key_name
from bilancli.store.conservation import purge_files
from bilancli.store.conservation.purge_files import MODIFIED, Check
from bilancli.store.folders import open_folder

# Bilans per transaction: each commit costs fsyncs, and a kill loses at most the batch under
# way (redone by the next run). A run makes about COMMITS of them, of BATCH_MIN to BATCH_MAX bilans.
COMMITS, BATCH_MIN, BATCH_MAX = 8, 10, 500


class _Kind(namedtuple("_Kind", "table key size where destroy")):
    """How the store finds and destroys one kind of content (from `core.registry.KINDS`):
    the table, the column naming the bilan, the bytes of a row's content, the rows holding
    some, and the statement destroying them for one bilan (`?`)."""

    __slots__ = ()


def written_size(column: str) -> str:
    """The bytes of a column as the consultant wrote them: a sealed value (SPEC §15) counts
    without what sealing adds, so that the purge log says the same of an encrypted store."""
    raw = f"CAST({column} AS BLOB)"
    return (f"(LENGTH({raw}) - CASE WHEN substr({raw}, 1, {len(cipher.MARK)}) = "
            f"X'{cipher.MARK.hex()}' THEN {cipher.OVERHEAD} ELSE 0 END)")


def _kind(kind: registry.Kind) -> _Kind:
    key = registry.table(kind.table).key
    size = kind.size or written_size(kind.column)
    if kind.rows:
        return _Kind(kind.table, key, size, kind.where,
                     f"DELETE FROM {kind.table} WHERE {key} = ? AND ({kind.where})")
    # Only the free text goes: attendance, scores and the record itself stay.
    return _Kind(kind.table, key, size, f"{kind.column} IS NOT NULL AND ({kind.where})",
                 f"UPDATE {kind.table} SET {kind.column} = NULL WHERE {key} = ? "
                 f"AND {kind.column} IS NOT NULL")


_DB_KINDS: dict[str, _Kind] = {k.name: _kind(k) for k in registry.KINDS}
IDENTITY_COLUMNS = registry.identity_columns()
_ANONYMISE = f"UPDATE bilans SET {', '.join(c + ' = NULL' for c in IDENTITY_COLUMNS)} WHERE id = ?"
# What else may name the beneficiary (a rendez-vous's place or link): erased with the rest.
_OTHER_IDENTITY = [
    (table, key, columns,
     f"UPDATE {table} SET {', '.join(c + ' = NULL' for c in columns)} WHERE {key} = ?")
    for table, key, columns in registry.identity_tables()
]


class Item(namedtuple("Item", "kind count size deadline")):
    """A kind of content that went (or would go): how many, how many bytes, under which deadline."""

    __slots__ = ()


class FileFailure(namedtuple("FileFailure", "path reason modified", defaults=(False,))):
    """A recorded file left: `modified` when it holds something we did not write (the
    consultant decides), else it could not be destroyed (retried)."""

    __slots__ = ()


class Outcome:
    """What went (or would go) for one bilan: its `items`; the files left (`failures`); the
    dates still to note (`marks`: contenu_detruit_le, anonymise_le); the files whose bytes
    another hard link keeps (`linked`); the recorded files that go (`paths`); the file rows
    to close (`settled_files`: destroyed, gone, or overwritten by a later rendering).
    A plain class: `dataclasses` would cost a purge a twentieth of its start-up."""

    __slots__ = ("bilan_id", "items", "failures", "marks", "linked", "paths", "settled_files")

    def __init__(self, bilan_id: str, items=None, failures=None, marks=None, linked=None,
                 paths=None, settled_files: int = 0) -> None:
        self.bilan_id = bilan_id
        self.items = list(items or ())
        self.failures = list(failures or ())
        self.marks = list(marks or ())
        self.linked = list(linked or ())
        self.paths = list(paths or ())
        self.settled_files = settled_files

    @property
    def touched(self) -> bool:
        return bool(self.items or self.failures or self.marks or self.settled_files)

    def merged(self, other: "Outcome") -> "Outcome":
        """This outcome with another's for the same bilan (its invoices' after R6313-7's)."""
        return Outcome(self.bilan_id, self.items + other.items, self.failures + other.failures,
                       self.marks + other.marks, self.linked + other.linked,
                       self.paths + other.paths, self.settled_files + other.settled_files)


def _due_kinds(deadlines: tuple[Deadline, ...]) -> dict[str, Deadline]:
    return {kind: d for d in deadlines for kind in d.kinds}


def _chunks(ids: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _inspect_db(conn, due: dict[str, dict[str, Deadline]]) -> tuple[dict, dict]:
    """Bilan id → what is left of each due kind in the database, and the dates still to note.

    A few queries for all the bilans, each an index lookup per bilan."""
    items: dict[str, list[Item]] = {bid: [] for bid in due}
    for kind, spec in _DB_KINDS.items():
        wanted = [bid for bid, kinds in due.items() if kind in kinds]
        for bid, count, size in _select(conn, spec.key, wanted,
                                         f"{spec.key}, COUNT(*), COALESCE(SUM({spec.size}), 0)",
                                         spec.table, spec.where, group=True):
            if bid in due and kind in due[bid]:
                items[bid].append(Item(kind, count, size, due[bid][kind]))
    marks: dict[str, list[str]] = {bid: [] for bid in due}
    columns = f"id, contenu_detruit_le, anonymise_le, {', '.join(IDENTITY_COLUMNS)}"
    for row in _select(conn, "id", list(due), columns, "bilans", "date_fin IS NOT NULL"):
        bid = row[0]
        kinds = due.get(bid)
        if kinds is None:
            continue
        if "champs" in kinds and row[1] is None:
            marks[bid].append("contenu_detruit_le")
        if "identite" in kinds:
            if row[2] is None:
                marks[bid].append("anonymise_le")
            present = [str(v).encode() for v in row[3:] if v is not None]
            if present:
                items[bid].append(Item("identite", len(present), sum(map(len, present)),
                                       kinds["identite"]))
    _inspect_other_identity(conn, due, items)
    return items, marks


def _inspect_other_identity(conn, due, items) -> None:
    """Add the identity held in other tables to each bilan's `identite` item."""
    wanted = [bid for bid, kinds in due.items() if "identite" in kinds]
    for table, key, columns, _ in _OTHER_IDENTITY:
        count = " + ".join(f"({c} IS NOT NULL)" for c in columns)
        size = " + ".join(f"COALESCE(LENGTH(CAST({c} AS BLOB)), 0)" for c in columns)
        present = " OR ".join(f"{c} IS NOT NULL" for c in columns)
        for bid, n, octets in _select(conn, key, wanted, f"{key}, SUM({count}), SUM({size})",
                                      table, f"({present})", group=True):
            if bid not in due or "identite" not in due[bid]:
                continue
            found = [i for i in items[bid] if i.kind == "identite"]
            if found:
                items[bid].remove(found[0])
                n, octets = n + found[0].count, octets + found[0].size
            items[bid].append(Item("identite", n, octets, due[bid]["identite"]))


def _select(conn, key: str, ids: list[str], columns: str, table: str, where: str,
            group: bool = False) -> Iterator[tuple]:
    """The rows of these bilans, found by index whatever their number: the bilans asked about
    are the working set, a few among all those ever stored."""
    grouping = f" GROUP BY {key}" if group else ""
    yield from conn.execute(
        f"SELECT {columns} FROM {table} WHERE {where} "
        f"AND {key} IN (SELECT value FROM json_each(?)){grouping}", (json.dumps(ids),))


def _file_items(checks: list[Check], due: dict[str, Deadline]) -> list[Item]:
    """One item per kind of file: each distinct path counted once, with the bytes destroyed."""
    sizes: dict[str, list[int]] = {}
    for c in checks:
        if c.state in (purge_files.PRESENT, purge_files.ABSENT):
            sizes.setdefault(c.file.kind, []).append(c.size)
    return [Item(kind, len(found), sum(found), due[kind]) for kind, found in sizes.items()]


def _failures(checks: list[Check]) -> list[FileFailure]:
    return [FileFailure(c.file.path, c.reason, c.state == MODIFIED) for c in checks if not c.settled]


def _outcome(bilan_id: str, items: list[Item], marks: list[str], checks: list[Check],
             due: dict[str, Deadline]) -> Outcome:
    return Outcome(bilan_id, items + _file_items(checks, due), _failures(checks), marks,
                   [c.file.path for c in checks if c.linked],
                   [c.file.path for c in checks if c.state == purge_files.PRESENT],
                   sum(len(c.file.rows) for c in checks if c.settled))


def inventory(conn, home: str | Path, dues: dict[str, tuple[Deadline, ...]], *,
              check_files: bool = True) -> list[Outcome]:
    """What a purge would destroy now, in the order of `dues`, without touching anything:
    the bilans with something to do only (a store of ten years has thousands whose deadlines
    have come and whose purge is done).

    `check_files=False` only lists the recorded files, without reading them: enough to
    know which bilans a real run must visit, which checks each file as it destroys it.
    """
    due = {bid: _due_kinds(d) for bid, d in dues.items()}
    items, marks = _inspect_db(conn, due)
    files = purge_files.pending_files(conn, {bid: set(k) for bid, k in due.items()})
    outcomes = []
    for bid in dues:
        mine = files.get(bid, [])
        if not (mine or items[bid] or marks[bid]):
            continue
        checks = ([purge_files.check(home, f) for f in mine] if check_files
                  else [Check(f, purge_files.PRESENT) for f in mine])
        outcomes.append(_outcome(bid, items[bid], marks[bid], checks, due[bid]))
    return outcomes


class PurgeCut(Exception):
    """A purge stopped part-way (a full disk, Ctrl-C): what is true of it. `done` holds the
    outcomes of the batches committed; `files` the files the batch under way had already
    destroyed, its record left as it was (the next run notes them); `cause` the error."""

    def __init__(self, done: list[Outcome], files: int, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.done, self.files, self.cause = done, files, cause


def keys_to_destroy(dues: dict[str, tuple[Deadline, ...]]) -> list[str]:
    """The data keys (`key_name`) whose content is all due for these bilans."""
    return [key_name(bid, group) for bid, deadlines in dues.items() for group in keys_due(deadlines)]


def destroy_keys_left(keys, dues: dict[str, tuple[Deadline, ...]], today: date) -> int:
    """Destroy the keys still kept of content these deadlines made due, whether or not
    anything of it is left in the store: a recovery file installed after a purge (`cle
    restaure`) brings back the keys it held. How many there were."""
    return keys.destroy(keys_to_destroy(dues), on=iso(today), kept_only=True)


def bilan_keys(bilan_id: str) -> list[str]:
    """Every data key of one bilan: a bilan deleted loses them all."""
    return [key_name(bilan_id, group) for group, _ in KEY_GROUPS]


def purge(store, dues: dict[str, tuple[Deadline, ...]], today: date,
          advance: Callable[[int], None] = lambda n: None, keys=None) -> list[Outcome]:
    """Destroy what is due for these bilans, a batch at a time; `advance(n)` after each batch.
    Stopped part-way, it raises `PurgeCut` saying what was done.

    `keys`: the store's data keys (`store.cles.trousseau.Keys`), those of the due content
    destroyed before it (SPEC §15). Only the store's own purge passes them: a backup's older
    facts may make due what the store still keeps, under the keys they share."""
    outcomes: list[Outcome] = []
    size = min(BATCH_MAX, max(BATCH_MIN, -(-len(dues) // COMMITS)))
    for batch in _chunks(list(dues), size):
        destroyed: list[Check] = []
        try:
            outcomes += _purge_batch(store, {bid: dues[bid] for bid in batch}, today, destroyed, keys)
        except (Exception, KeyboardInterrupt) as exc:
            gone = sum(1 for c in destroyed if c.state == purge_files.PRESENT)
            raise PurgeCut(outcomes, gone, exc) from exc
        advance(len(batch))
    return outcomes


def _purge_batch(store, dues: dict[str, tuple[Deadline, ...]], today: date,
                 destroyed: list[Check], keys) -> list[Outcome]:
    day = iso(today)
    if keys is not None:
        # The keys first, committed in their own store: from then on every copy of this
        # content, anywhere, is noise. What follows never opens it (a kill in between leaves
        # the next run all it needs).
        keys.destroy(keys_to_destroy(dues), on=day)
    due = {bid: _due_kinds(d) for bid, d in dues.items()}
    files = purge_files.pending_files(store.conn, {bid: set(k) for bid, k in due.items()})
    # Files first: a kill before the commit leaves them gone and the record whole.
    checks: dict[str, list[Check]] = {}
    for bid in due:
        checks[bid] = []
        for f in files.get(bid, []):
            check = purge_files.destroy(store.home, f)
            checks[bid].append(check)
            destroyed.append(check)
    for bid in due:
        _remove_empty_folder(store.home, bid)
    with store.write() as conn:
        items, marks = _inspect_db(conn, due)
        outcomes = [_outcome(bid, items[bid], marks[bid], checks[bid], due[bid]) for bid in due]
        for kind, spec in _DB_KINDS.items():
            conn.executemany(spec.destroy, [(o.bilan_id,) for o in outcomes
                                            if any(i.kind == kind for i in o.items)])
        anonymised = [(o.bilan_id,) for o in outcomes if any(i.kind == "identite" for i in o.items)]
        conn.executemany(_ANONYMISE, anonymised)
        for *_, statement in _OTHER_IDENTITY:
            conn.executemany(statement, anonymised)
        # The path may name the beneficiary (-o): it goes with the file.
        conn.executemany(
            "UPDATE rendus SET detruit_le = ?, chemin = '', sha256 = '' WHERE id = ?",
            [(day, row) for bid in due for c in checks[bid] if c.settled for row in c.file.rows])
        for mark in ("contenu_detruit_le", "anonymise_le"):
            conn.executemany(f"UPDATE bilans SET {mark} = ? WHERE id = ?",
                             [(day, o.bilan_id) for o in outcomes if mark in o.marks])
        conn.executemany(
            "INSERT INTO purges (bilan_id, date, nature, nombre, octets, regle) VALUES (?, ?, ?, ?, ?, ?)",
            [(o.bilan_id, day, i.kind, i.count, i.size, i.deadline.rule)
             for o in outcomes for i in o.items])
    return outcomes


def _remove_empty_folder(home: str, bid: str) -> None:
    """`documents/ID/` once empty, reached without following a link."""
    try:
        documents = open_folder(home, "documents")
    except BilanError:
        return   # a link (or a file) at documents: never followed
    if documents is None:
        return
    try:
        os.rmdir(bid, dir_fd=documents)
    except OSError:
        pass   # not empty, a link, or never created
    finally:
        os.close(documents)


def finish(store) -> None:
    """Leave no copy of destroyed pages: truncate any WAL, rebuild the file, truncate again."""
    conn = store.conn
    wal = conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    if wal:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    if wal:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.scrub_journal()   # VACUUM's journal held every page as it was
