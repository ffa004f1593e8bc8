"""Reading and writing the case record: identity, fields, consents, phase history."""

from __future__ import annotations

import sqlite3
from datetime import date

from bilancli import messages as msg
from bilancli.core.dates import from_iso, iso
from bilancli.core.fields import is_content
from bilancli.core.ids import format_id
from bilancli.core.model import (
    Bilan, Consent, Convention, Document, Entretien, PhaseStep, Rendering,
)
from bilancli.errors import fail

# Administrative field → column of `bilans`.
ADMIN_COLUMNS = {
    "nom": "nom", "prenom": "prenom", "email": "email", "telephone": "telephone",
    "statut": "statut", "financement": "financement", "format": "format",
    "employeur": "employeur", "heures_prevues": "heures_prevues_minutes",
    "tarif": "tarif_centimes",
}


def next_id(conn, year: int) -> tuple[str, int]:
    row = conn.execute(
        "SELECT COALESCE(MAX(numero), 0) + 1 FROM bilans WHERE annee = ?", (year,)
    ).fetchone()
    number = row[0]
    return format_id(year, number), number


def create(conn, *, opened_on: date, admin: dict[str, object]) -> str:
    bilan_id, number = next_id(conn, opened_on.year)
    columns = {ADMIN_COLUMNS[k]: v for k, v in admin.items() if v is not None}
    columns.update(
        id=bilan_id, annee=opened_on.year, numero=number,
        phase="preliminaire", date_ouverture=iso(opened_on),
    )
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    conn.execute(f"INSERT INTO bilans ({names}) VALUES ({marks})", tuple(columns.values()))
    record_phase(conn, bilan_id, "preliminaire", opened_on)
    return bilan_id


def record_phase(conn, bilan_id: str, phase: str, on: date) -> None:
    """One step of the phase history: the opening here, each later move in `records.enter_phase`."""
    conn.execute(
        "INSERT INTO phases (bilan_id, phase, date_entree) VALUES (?, ?, ?)",
        (bilan_id, phase, iso(on)),
    )


def require(conn, bilan_id: str):
    row = conn.execute("SELECT * FROM bilans WHERE id = ?", (bilan_id,)).fetchone()
    if row is None:
        raise fail(msg.BILAN_INCONNU, id=bilan_id)
    return row


def set_admin(conn, bilan_id: str, field: str, value: object) -> None:
    column = ADMIN_COLUMNS[field]
    conn.execute(f"UPDATE bilans SET {column} = ? WHERE id = ?", (value, bilan_id))


def current_value(conn, record, field: str) -> str:
    """The stored text of a field as the editor opens it ("" when empty); `record` is the
    bilan's row, which already holds the administrative fields."""
    if is_content(field):
        row = conn.execute(
            "SELECT valeur FROM champs WHERE bilan_id = ? AND champ = ?", (record["id"], field)
        ).fetchone()
        return row[0] if row else ""
    value = record[ADMIN_COLUMNS[field]]
    return "" if value is None else str(value)


def set_content(conn, bilan_id: str, field: str, text: str | None, on: date) -> None:
    if text is None or not text.strip():
        conn.execute("DELETE FROM champs WHERE bilan_id = ? AND champ = ?", (bilan_id, field))
        return
    conn.execute(
        """INSERT INTO champs (bilan_id, champ, valeur, modifie_le) VALUES (?, ?, ?, ?)
           ON CONFLICT (bilan_id, champ) DO UPDATE
           SET valeur = excluded.valeur, modifie_le = excluded.modifie_le""",
        (bilan_id, field, text, iso(on)),
    )


def record_consent(conn, bilan_id: str, kind: str, on: date) -> None:
    conn.execute(
        """INSERT INTO consentements (bilan_id, type, date) VALUES (?, ?, ?)
           ON CONFLICT (bilan_id, type) DO UPDATE SET date = excluded.date, retire_le = NULL""",
        (bilan_id, kind, iso(on)),
    )


def withdraw_consent(conn, bilan_id: str, kind: str, on: date) -> bool:
    cursor = conn.execute(
        "UPDATE consentements SET retire_le = ? WHERE bilan_id = ? AND type = ? AND retire_le IS NULL",
        (iso(on), bilan_id, kind),
    )
    return cursor.rowcount > 0


_LIST = (
    "SELECT id, nom, prenom, phase, date_ouverture, date_fin FROM bilans{where} "
    "ORDER BY date_ouverture DESC, annee DESC, numero DESC"
)


def list_rows(conn, phase: str | None = None) -> list:
    """The bilans, newest first (SPEC §4 `list`)."""
    where, args = (" WHERE phase = ?", (phase,)) if phase else ("", ())
    return conn.execute(_LIST.format(where=where), args).fetchall()


def list_json(conn, phase: str | None = None) -> str | None:
    """The same list as one JSON array built by SQLite: ten thousand rows never become
    Python objects. None when this SQLite has no JSON functions."""
    where, args = (" WHERE phase = ?", (phase,)) if phase else ("", ())
    sql = (
        "SELECT json_group_array(json_object('id', id, 'nom', nom, 'prenom', prenom, "
        "'phase', phase, 'date_ouverture', date_ouverture, 'date_fin', date_fin)) "
        f"FROM ({_LIST.format(where=where)})"
    )
    try:
        return conn.execute(sql, args).fetchone()[0]
    except sqlite3.OperationalError:
        return None


def load(conn, bilan_id: str) -> Bilan:
    """The full snapshot of one bilan, as the core's rules read it."""
    row = require(conn, bilan_id)
    q = lambda sql: conn.execute(sql, (bilan_id,)).fetchall()  # noqa: E731
    champs = {r["champ"]: r["valeur"] for r in q("SELECT champ, valeur FROM champs WHERE bilan_id = ?")}
    consents = {
        r["type"]: Consent(r["type"], from_iso(r["date"]), from_iso(r["retire_le"]))
        for r in q("SELECT * FROM consentements WHERE bilan_id = ?")
    }
    conv = q("SELECT transmise, signee FROM conventions WHERE bilan_id = ?")
    convention = (
        Convention(from_iso(conv[0]["transmise"]), from_iso(conv[0]["signee"])) if conv else Convention()
    )
    entretiens = tuple(
        Entretien(r["id"], from_iso(r["date"]), r["duree_minutes"], r["modalite"], r["phase"])
        for r in q(
            "SELECT id, date, duree_minutes, modalite, phase "
            "FROM entretiens WHERE bilan_id = ? ORDER BY date, id"
        )
    )
    documents = tuple(
        Document(r["id"], r["type"], r["titre"], r["taille"], r["phase"], from_iso(r["cree_le"]))
        for r in q(
            "SELECT id, type, titre, taille, phase, cree_le FROM documents WHERE bilan_id = ? ORDER BY id"
        )
    )
    renderings = tuple(
        Rendering(r["id"], r["genre"], r["format"], r["chemin"], r["sha256"], r["phase"],
                  from_iso(r["cree_le"]), from_iso(r["detruit_le"]))
        for r in q("SELECT * FROM rendus WHERE bilan_id = ? ORDER BY id")
    )
    history = tuple(
        PhaseStep(r["phase"], from_iso(r["date_entree"]))
        for r in q("SELECT phase, date_entree FROM phases WHERE bilan_id = ? ORDER BY id")
    )
    suivi = q("SELECT date, notes IS NOT NULL AS has_notes FROM suivis WHERE bilan_id = ?")
    satisfaction = {r["moment"]: r["note"] for r in q("SELECT moment, note FROM satisfactions WHERE bilan_id = ?")}
    edof = {r["sens"]: from_iso(r["date"]) for r in q("SELECT sens, date FROM edof WHERE bilan_id = ?")}
    return Bilan(
        id=row["id"], nom=row["nom"], prenom=row["prenom"], phase=row["phase"],
        date_ouverture=from_iso(row["date_ouverture"]), email=row["email"],
        telephone=row["telephone"], statut=row["statut"], financement=row["financement"],
        format=row["format"], employeur=row["employeur"],
        heures_prevues_minutes=row["heures_prevues_minutes"], tarif_cents=row["tarif_centimes"],
        date_fin=from_iso(row["date_fin"]), motif_abandon=row["motif_abandon"],
        content_destroyed_on=from_iso(row["contenu_detruit_le"]),
        anonymised_on=from_iso(row["anonymise_le"]),
        champs=champs, consents=consents, convention=convention, entretiens=entretiens,
        documents=documents, renderings=renderings, history=history,
        suivi_on=from_iso(suivi[0]["date"]) if suivi else None,
        suivi_has_notes=bool(suivi and suivi[0]["has_notes"]),
        satisfaction=satisfaction, edof=edof,
    )
