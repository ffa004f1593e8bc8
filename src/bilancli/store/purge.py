"""Destroying what R6313-7 says must go, so that nothing of it survives on disk.

Per bilan: the recorded files are overwritten and unlinked first, then one
transaction deletes the content rows, marks the files destroyed and writes the
purge log. A `kill -9` before the commit leaves the bilan's record untouched
(some of its due files may already be gone: a missing file counts as destroyed
at the next run); after it, the bilan is fully purged. `secure_delete` zeroes
freed pages; `finish` truncates any WAL and rebuilds the file with VACUUM.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bilancli.core.dates import iso
from bilancli.core.retention import Deadline

# kind → (what is left: count and bytes; how it is destroyed). `?` is the bilan id.
_DB_KINDS: dict[str, tuple[str, str]] = {
    "champs": (
        "SELECT COUNT(*), COALESCE(SUM(LENGTH(CAST(valeur AS BLOB))), 0) FROM champs WHERE bilan_id = ?",
        "DELETE FROM champs WHERE bilan_id = ?",
    ),
    "notes_entretien": (
        "SELECT COUNT(*), COALESCE(SUM(LENGTH(CAST(notes AS BLOB))), 0) FROM entretiens "
        "WHERE bilan_id = ? AND notes IS NOT NULL",
        # Attendance (date, duration, modality) stays: only the notes go.
        "UPDATE entretiens SET notes = NULL WHERE bilan_id = ? AND notes IS NOT NULL",
    ),
    "notes_suivi": (
        "SELECT COUNT(*), COALESCE(SUM(LENGTH(CAST(notes AS BLOB))), 0) FROM suivis "
        "WHERE bilan_id = ? AND notes IS NOT NULL",
        "UPDATE suivis SET notes = NULL WHERE bilan_id = ? AND notes IS NOT NULL",
    ),
    "commentaires_satisfaction": (
        "SELECT COUNT(*), COALESCE(SUM(LENGTH(CAST(commentaire AS BLOB))), 0) FROM satisfactions "
        "WHERE bilan_id = ? AND commentaire IS NOT NULL",
        # The score stays for the figures (Qualiopi indicator 2); the free text goes.
        "UPDATE satisfactions SET commentaire = NULL WHERE bilan_id = ? AND commentaire IS NOT NULL",
    ),
    "motif_abandon": (
        "SELECT COUNT(*), COALESCE(SUM(LENGTH(CAST(motif_abandon AS BLOB))), 0) FROM bilans "
        "WHERE id = ? AND motif_abandon IS NOT NULL",
        "UPDATE bilans SET motif_abandon = NULL WHERE id = ?",
    ),
    "documents": (
        "SELECT COUNT(*), COALESCE(SUM(taille), 0) FROM documents "
        "WHERE bilan_id = ? AND type != 'synthese'",
        "DELETE FROM documents WHERE bilan_id = ? AND type != 'synthese'",
    ),
    "syntheses": (
        "SELECT COUNT(*), COALESCE(SUM(taille), 0) FROM documents "
        "WHERE bilan_id = ? AND type = 'synthese'",
        "DELETE FROM documents WHERE bilan_id = ? AND type = 'synthese'",
    ),
}
IDENTITY_COLUMNS = ("nom", "prenom", "email", "telephone", "employeur")
FILE_KINDS = {"fichiers", "fichiers_synthese"}


@dataclass(frozen=True)
class Item:
    kind: str
    count: int
    size: int
    deadline: Deadline


@dataclass(frozen=True)
class FileFailure:
    path: str
    reason: str


@dataclass
class Outcome:
    """What went (or would go) for one bilan."""

    bilan_id: str
    items: list[Item] = field(default_factory=list)
    failures: list[FileFailure] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)   # contenu_detruit_le, anonymise_le

    @property
    def touched(self) -> bool:
        return bool(self.items or self.failures or self.marks)


def ended_bilan_ids(conn) -> list[str]:
    """Only an ended action (termine or abandonne) starts the R6313-7 clock."""
    rows = conn.execute(
        "SELECT id FROM bilans WHERE date_fin IS NOT NULL ORDER BY annee, numero"
    ).fetchall()
    return [r[0] for r in rows]


def _kind_of_file(genre: str) -> str:
    return "fichiers_synthese" if genre == "synthese" else "fichiers"


def file_path(home: Path, recorded: str) -> Path:
    path = Path(recorded)
    return path if path.is_absolute() else home / path


def _due_kinds(deadlines: tuple[Deadline, ...]) -> dict[str, Deadline]:
    return {kind: d for d in deadlines for kind in d.kinds}


def _pending_files(conn, bilan_id: str, due: dict[str, Deadline]) -> list:
    rows = conn.execute(
        "SELECT id, genre, chemin FROM rendus WHERE bilan_id = ? AND detruit_le IS NULL ORDER BY id",
        (bilan_id,),
    ).fetchall()
    return [r for r in rows if _kind_of_file(r["genre"]) in due]


def _marks(conn, bilan_id: str, due: dict[str, Deadline]) -> list[str]:
    row = conn.execute(
        "SELECT contenu_detruit_le, anonymise_le FROM bilans WHERE id = ?", (bilan_id,)
    ).fetchone()
    marks = []
    if "champs" in due and row["contenu_detruit_le"] is None:
        marks.append("contenu_detruit_le")
    if "identite" in due and row["anonymise_le"] is None:
        marks.append("anonymise_le")
    return marks


def _db_items(conn, bilan_id: str, due: dict[str, Deadline]) -> list[Item]:
    items = []
    for kind, (count_sql, _) in _DB_KINDS.items():
        if kind in due:
            count, size = conn.execute(count_sql, (bilan_id,)).fetchone()
            if count:
                items.append(Item(kind, count, size, due[kind]))
    if "identite" in due:
        row = conn.execute(
            f"SELECT {', '.join(IDENTITY_COLUMNS)} FROM bilans WHERE id = ?", (bilan_id,)
        ).fetchone()
        present = [str(v).encode() for v in row if v is not None]
        if present:
            items.append(Item("identite", len(present), sum(map(len, present)), due["identite"]))
    return items


def _file_items(sizes: dict[str, list[int]], due: dict[str, Deadline]) -> list[Item]:
    return [Item(kind, len(found), sum(found), due[kind]) for kind, found in sizes.items() if found]


def inventory(conn, home: Path, bilan_id: str, deadlines: tuple[Deadline, ...]) -> Outcome:
    """What a purge would destroy now, without touching anything (--dry-run)."""
    due = _due_kinds(deadlines)
    sizes: dict[str, list[int]] = {}
    for row in _pending_files(conn, bilan_id, due):
        try:
            size = file_path(home, row["chemin"]).lstat().st_size
        except OSError:
            size = 0
        sizes.setdefault(_kind_of_file(row["genre"]), []).append(size)
    items = _db_items(conn, bilan_id, due) + _file_items(sizes, due)
    return Outcome(bilan_id, items, [], _marks(conn, bilan_id, due))


def purge_bilan(store, bilan_id: str, deadlines: tuple[Deadline, ...], today: date) -> Outcome:
    """Destroy what is due for one bilan: its files, then its rows in one transaction."""
    due = _due_kinds(deadlines)
    destroyed: list[tuple[int, str, int]] = []
    failures: list[FileFailure] = []
    for row in _pending_files(store.conn, bilan_id, due):
        try:
            size = destroy_file(file_path(store.home, row["chemin"]))
        except OSError as exc:
            failures.append(FileFailure(row["chemin"], exc.strerror or type(exc).__name__))
            continue
        destroyed.append((row["id"], _kind_of_file(row["genre"]), size))
    _remove_empty_folder(store.home / "documents" / bilan_id)
    with store.write() as conn:
        items = _db_items(conn, bilan_id, due)
        marks = _marks(conn, bilan_id, due)
        for item in items:
            if item.kind == "identite":
                blanks = ", ".join(f"{c} = NULL" for c in IDENTITY_COLUMNS)
                conn.execute(f"UPDATE bilans SET {blanks} WHERE id = ?", (bilan_id,))
            else:
                conn.execute(_DB_KINDS[item.kind][1], (bilan_id,))
        sizes: dict[str, list[int]] = {}
        for rendering_id, kind, size in destroyed:
            # The path may name the beneficiary (-o): it goes with the file.
            conn.execute(
                "UPDATE rendus SET detruit_le = ?, chemin = '', sha256 = '' WHERE id = ?",
                (iso(today), rendering_id),
            )
            sizes.setdefault(kind, []).append(size)
        items += _file_items(sizes, due)
        for mark in marks:
            conn.execute(f"UPDATE bilans SET {mark} = ? WHERE id = ?", (iso(today), bilan_id))
        for item in items:
            conn.execute(
                "INSERT INTO purges (bilan_id, date, nature, nombre, octets, regle) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (bilan_id, iso(today), item.kind, item.count, item.size, item.deadline.rule),
            )
    return Outcome(bilan_id, items, failures, marks)


def destroy_file(path: Path) -> int:
    """Overwrite then unlink; a file already gone counts as destroyed. Returns its size."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return 0
    if stat.S_ISLNK(info.st_mode):
        path.unlink()   # a link: remove it, never overwrite what it points to
        return 0
    if not stat.S_ISREG(info.st_mode):
        raise IsADirectoryError(21, os.strerror(21)) if stat.S_ISDIR(info.st_mode) else OSError(
            22, os.strerror(22))
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        zeros = bytes(64 * 1024)
        left = info.st_size
        while left > 0:
            left -= os.write(fd, zeros[: min(left, len(zeros))])
        os.fsync(fd)
    finally:
        os.close(fd)
    path.unlink()
    return info.st_size


def _remove_empty_folder(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass   # not empty, or never created


def finish(store) -> None:
    """Leave no copy of destroyed pages: truncate any WAL, rebuild the file, truncate again."""
    conn = store.conn
    wal = conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    if wal:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    if wal:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
