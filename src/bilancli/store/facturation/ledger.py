"""Reading the cabinet's registers: invoices, credit notes, payments, réclamations.

Each invoice comes with what was paid on it and the credit note cancelling it, in one
query; the frozen document (JSON) is parsed only where a document or a credit note is
made from it.
"""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core.facturation.ledger import Complaint, Invoice, Sequence
from bilancli.errors import fail

_INVOICES = (
    "SELECT f.numero, f.type, f.date, f.bilan_id, f.payeur, f.montant_ht_centimes, f.tva_centimes,"
    " f.montant_ttc_centimes, f.echeance, f.annule, {document},"
    " (SELECT COALESCE(SUM(p.montant_centimes), 0) FROM paiements p WHERE p.facture = f.numero),"
    " (SELECT a.numero FROM factures a WHERE a.annule = f.numero ORDER BY a.annee DESC, a.rang DESC"
    " LIMIT 1),"
    " (SELECT COALESCE(-SUM(a.montant_ht_centimes), 0) FROM factures a WHERE a.annule = f.numero),"
    " (SELECT COALESCE(-SUM(a.tva_centimes), 0) FROM factures a WHERE a.annule = f.numero)"
    " FROM factures f{where} ORDER BY f.annee, f.rang"
)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _invoice(row, parse: bool) -> Invoice:
    import json

    (numero, type_, day, bilan_id, payeur, ht, tva, ttc, due, cancels, document, paid,
     cancelled_by, credited_ht, credited_tva) = row
    return Invoice(numero, type_, _day(day), bilan_id, payeur, ht, tva, ttc, _day(due), cancels,
                   json.loads(document) if parse and document else None, paid, cancelled_by,
                   credited_ht, credited_tva)


def _select(conn, where: str = "", args=(), parse: bool = False) -> list[Invoice]:
    sql = _INVOICES.format(document="f.document" if parse else "NULL",
                           where=f" WHERE {where}" if where else "")
    return [_invoice(row, parse) for row in conn.execute(sql, args)]


def sequence(conn) -> Sequence:
    """The day of the last number given, whatever was destroyed since."""
    last = conn.execute("SELECT MAX(derniere_date) FROM sequence_factures").fetchone()[0]
    return Sequence(_day(last))


def load_invoice(conn, numero: str) -> Invoice:
    found = _select(conn, "f.numero = ?", (numero,), parse=True)
    if not found:
        raise fail(msg.FACTURE_INCONNUE, numero=numero)
    return found[0]


def load_invoices(conn, year: int | None = None) -> list[Invoice]:
    """The register, in the order of the sequence (every year, or those issued in `year`)."""
    if year is None:
        return _select(conn)
    return _select(conn, "f.annee = ?", (year,))


def unsettled_invoices(conn) -> list[Invoice]:
    """The invoices that may still be owed (the agenda's `paiement` items): not credit notes,
    not cancelled, not paid in full. A test checks this narrowing changes no item."""
    return _select(conn, "f.type = 'facture' AND f.montant_ttc_centimes + (SELECT "
                         "COALESCE(SUM(a.montant_ttc_centimes), 0) FROM factures a "
                         "WHERE a.annule = f.numero) > (SELECT "
                         "COALESCE(SUM(p.montant_centimes), 0) FROM paiements p "
                         "WHERE p.facture = f.numero)")


def invoice_exists(conn, numero: str) -> bool:
    """Still in the register (an invoice is destroyed ten years on, its credit note later)."""
    return conn.execute("SELECT 1 FROM factures WHERE numero = ?", (numero,)).fetchone() is not None


def invoice_document(conn, numero: str) -> str:
    """The frozen document, as stored (the render reads nothing else)."""
    row = conn.execute("SELECT document FROM factures WHERE numero = ?", (numero,)).fetchone()
    if row is None:
        raise fail(msg.FACTURE_INCONNUE, numero=numero)
    return row[0]


_COMPLAINTS = (
    "SELECT numero, date, bilan_id, origine, canal, {texts}, echeance, repondue_le, {texts2},"
    " close_le, {texts3}, textes_detruits_le FROM reclamations{where} ORDER BY annee, rang"
)


def _complaints(conn, where: str = "", args=(), texts: bool = False) -> list[Complaint]:
    sql = _COMPLAINTS.format(texts="objet" if texts else "NULL",
                             texts2="reponse" if texts else "NULL",
                             texts3="action" if texts else "NULL",
                             where=f" WHERE {where}" if where else "")
    found = []
    for (numero, day, bilan_id, origine, canal, objet, due, answered, reponse, closed, action,
         destroyed) in conn.execute(sql, args):
        found.append(Complaint(numero, _day(day), bilan_id, origine, canal, objet, _day(due),
                               _day(answered), reponse, _day(closed), action, _day(destroyed)))
    return found


def load_complaint(conn, numero: str) -> Complaint:
    found = _complaints(conn, "numero = ?", (numero,), texts=True)
    if not found:
        raise fail(msg.RECLAMATION_INCONNUE, numero=numero)
    return found[0]


def load_complaints(conn, year: int | None = None) -> list[Complaint]:
    """The register without its texts (every year, or those received in `year`)."""
    if year is None:
        return _complaints(conn)
    return _complaints(conn, "annee = ?", (year,))


def unanswered_complaints(conn) -> list[Complaint]:
    """The réclamations still awaiting their answer (the agenda's `reclamation` items)."""
    return _complaints(conn, "repondue_le IS NULL")
