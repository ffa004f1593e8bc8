"""Destroying the accounting and quality records once their own time has come (`core.archives`).

Invoices and credit notes issued before the cutoff go with their payments and their
rendered files, bilan by bilan: files first (overwritten and unlinked, only if they still
hold what was rendered, as `purge_files` does), then one transaction deletes the rows and
writes the purge log. Files are destroyed as `purge_files` destroys a bilan's: never
through a link, the temporary name of a killed rendering too. Réclamations closed three
years ago lose their texts; their dates stay. Nothing here touches a bilan's content or record: R6313-7 has its own purge
(`store.purge`), which never reads these tables.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bilancli.core import registry
from bilancli.core.conservation import archives
from bilancli.core.dates import iso
from bilancli.store.conservation import purge_files
from bilancli.store.conservation.purge import Item, Outcome, PurgeCut, _failures
from bilancli.store.conservation.purge_files import RecordedFile

FILE_KIND = "fichiers_factures"
TEXTS = registry.QUALITY_TEXTS


class ArchivesCut(PurgeCut):
    """The purge of the accounting and quality records stopped part-way (a full disk,
    Ctrl-C): `done`, what R6313-7 took before, stays; `files`, the invoice files already
    destroyed, their rows left as they were (the next run notes them)."""


class _Plan:
    """What is due for one bilan's invoices: their numbers, deadline, counts and files."""

    def __init__(self, bilan_id: str) -> None:
        self.bilan_id = bilan_id
        self.numbers: list[str] = []
        self.deadline = None
        self.items: list[Item] = []
        self.files: list[RecordedFile] = []


def _invoice_plans(conn, today: date) -> dict[str, _Plan]:
    cutoff = iso(archives.accounts_cutoff(today))
    plans: dict[str, _Plan] = {}
    sizes: dict[str, list[int]] = {}
    for bilan_id, numero, day, size in conn.execute(
            "SELECT bilan_id, numero, date, LENGTH(CAST(document AS BLOB)) FROM factures"
            " WHERE date < ? ORDER BY annee, rang", (cutoff,)):
        deadline = archives.accounts_deadline(date.fromisoformat(day), today)
        if deadline is None:   # cannot happen: the cutoff is the rule's (a test holds them equal)
            continue
        plan = plans.setdefault(bilan_id, _Plan(bilan_id))
        plan.numbers.append(numero)
        if plan.deadline is None or deadline.due_on < plan.deadline.due_on:
            plan.deadline = deadline
        sizes.setdefault(bilan_id, []).append(size)
    for bilan_id, plan in plans.items():
        plan.items.append(Item("factures", len(plan.numbers), sum(sizes[bilan_id]), plan.deadline))
        marks = ", ".join("?" * len(plan.numbers))
        count, size = conn.execute(
            f"SELECT COUNT(*), COALESCE(SUM(LENGTH(date) + LENGTH(mode)), 0) FROM paiements"
            f" WHERE facture IN ({marks})", plan.numbers).fetchone()
        if count:
            plan.items.append(Item("paiements", count, size, plan.deadline))
    _attach_files(conn, plans, today)
    return plans


def _attach_files(conn, plans: dict[str, _Plan], today: date) -> None:
    """Each distinct path rendered for a due invoice, or left by an earlier run (its invoice
    gone, the file not deleted then), with the hashes others recorded at the same path."""
    standing = {r[0] for r in conn.execute("SELECT numero FROM factures")}
    due = {n for plan in plans.values() for n in plan.numbers}
    rows = conn.execute("SELECT id, facture, bilan_id, chemin, sha256, provisoire FROM rendus_factures"
                        " ORDER BY id").fetchall()
    elsewhere = conn.execute("SELECT chemin, sha256 FROM rendus WHERE detruit_le IS NULL").fetchall()
    by_path: dict[tuple[str, str], list] = {}
    for row in rows:
        if row[1] in due or row[1] not in standing:
            by_path.setdefault((row[2], row[3]), []).append(row)
    for (bilan_id, path), mine in by_path.items():
        ids = {r[0] for r in mine}
        others = {r[4] for r in rows if r[3] == path and r[0] not in ids}
        others |= {sha for chemin, sha in elsewhere if chemin == path}
        plan = plans.get(bilan_id)
        if plan is None:   # only a file left by an earlier run: its invoice's year is in its number
            plan = plans[bilan_id] = _Plan(bilan_id)
            plan.deadline = archives.accounts_deadline(date(int(mine[0][1][1:5]), 1, 1), today)
        plan.files.append(RecordedFile(path, FILE_KIND, tuple(sorted(ids)),
                                       frozenset(r[4] for r in mine), frozenset(others),
                                       tuple(r[5] for r in mine if r[5])))


def _file_items(checks, deadline) -> list[Item]:
    found = [c.size for c in checks if c.state in (purge_files.PRESENT, purge_files.ABSENT)]
    return [Item(FILE_KIND, len(found), sum(found), deadline)] if found else []


def _complaint_plans(conn, today: date) -> list[tuple[str, list[Item]]]:
    present = " OR ".join(f"{t} IS NOT NULL" for t in TEXTS)
    sizes = " + ".join(f"COALESCE(LENGTH(CAST({t} AS BLOB)), 0)" for t in TEXTS)
    counts = " + ".join(f"({t} IS NOT NULL)" for t in TEXTS)
    plans = []
    for numero, closed, count, size in conn.execute(
            f"SELECT numero, close_le, {counts}, {sizes} FROM reclamations"
            f" WHERE close_le IS NOT NULL AND ({present}) ORDER BY annee, rang"):
        deadline = archives.complaint_deadline(date.fromisoformat(closed), today)
        if deadline is not None:
            plans.append((numero, [Item("textes_reclamation", count, size, deadline)]))
    return plans


def inventory(conn, home: str | Path, today: date, *, check_files: bool = True):
    """(bilan outcomes for their invoices, réclamation outcomes), touching nothing."""
    outcomes = []
    for plan in _invoice_plans(conn, today).values():
        checks = ([purge_files.check(home, f) for f in plan.files] if check_files
                  else [purge_files.Check(f, purge_files.PRESENT) for f in plan.files])
        outcomes.append(Outcome(plan.bilan_id, plan.items + _file_items(checks, plan.deadline),
                                _failures(checks)))
    return outcomes, [Outcome(numero, items) for numero, items in _complaint_plans(conn, today)]


def _linked(checks) -> list[str]:
    return [c.file.path for c in checks if c.linked]


def purge(store, today: date, done: list[Outcome] = ()):
    """Destroy what is due; files first, then one transaction for the rows and the log.
    Stopped part-way, it raises `ArchivesCut`: `done` (what R6313-7 took before) stays."""
    destroyed: list = []
    try:
        return _purge(store, today, destroyed)
    except (Exception, KeyboardInterrupt) as exc:
        gone = sum(1 for c in destroyed if c.state == purge_files.PRESENT)
        raise ArchivesCut(list(done), gone, exc) from exc


def _purge(store, today: date, destroyed: list):
    plans = _invoice_plans(store.conn, today)
    checks: dict[str, list] = {}
    for bid, plan in plans.items():
        checks[bid] = []
        for f in plan.files:
            check = purge_files.destroy(store.home, f)
            checks[bid].append(check)
            destroyed.append(check)
    day = iso(today)
    with store.write() as conn:
        plans = _invoice_plans(conn, today)   # read again under the lock: what is deleted is what is logged
        invoices = []
        for bid, plan in plans.items():
            mine = checks.get(bid, [])
            items = plan.items + _file_items(mine, plan.deadline)
            invoices.append(Outcome(bid, items, _failures(mine), linked=_linked(mine),
                                    settled_files=sum(len(c.file.rows) for c in mine if c.settled)))
            marks = ", ".join("?" * len(plan.numbers))
            if plan.numbers:
                conn.execute(f"DELETE FROM paiements WHERE facture IN ({marks})", plan.numbers)
                conn.execute(f"DELETE FROM factures WHERE numero IN ({marks})", plan.numbers)
            conn.executemany("DELETE FROM rendus_factures WHERE id = ?",
                             [(row,) for c in mine if c.settled for row in c.file.rows])
            conn.executemany(
                "INSERT INTO purges (bilan_id, date, nature, nombre, octets, regle) VALUES (?, ?, ?, ?, ?, ?)",
                [(bid, day, i.kind, i.count, i.size, i.deadline.rule) for i in items])
        complaints = [Outcome(numero, items) for numero, items in _complaint_plans(conn, today)]
        cleared = ", ".join(f"{t} = NULL" for t in TEXTS)
        for outcome in complaints:
            conn.execute(f"UPDATE reclamations SET {cleared}, textes_detruits_le = ? WHERE numero = ?",
                         (day, outcome.bilan_id))
            conn.executemany(
                "INSERT INTO purges_reclamations (reclamation, date, nature, nombre, octets, regle)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(outcome.bilan_id, day, i.kind, i.count, i.size, i.deadline.rule) for i in outcome.items])
    return invoices, complaints
