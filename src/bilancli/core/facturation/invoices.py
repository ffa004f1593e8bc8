"""Invoices, credit notes and payments (SPEC §10; CGI art. 242 nonies A of annex II).

One chronological and continuous sequence, shared by invoices and credit notes: a number
is given by the store inside the writing transaction; here, the rules — what may be
invoiced, to whom, for how much, from which day — and what an issued invoice freezes.
An issued invoice never changes: a mistake is cancelled by a credit note.
"""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core.changes import InvoiceIssued, PaymentRecorded
from bilancli.core.choices import parse_choice
from bilancli.core.dates import format_date, iso, require_not_future
from bilancli.core.dossier.fields import optional_text, parse_amount
from bilancli.core.facturation import billing as bill
from bilancli.core.facturation import invoice_document as doc
from bilancli.core.facturation.ledger import (
    CREDIT_NOTE,
    INVOICE,
    Invoice,
    RegisterNumber,
    Sequence,
)
from bilancli.core.formats import format_euros
from bilancli.core.model import Bilan
from bilancli.errors import fail

PAYERS = ("beneficiaire", "employeur", "opco", "cdc", "france-travail", "autre")
# Whom an invoice goes to by default, from the bilan's financement (SPEC §10).
DEFAULT_PAYER = {"cpf": "cdc", "plan": "employeur", "reclassement": "employeur",
                 "personnel": "beneficiaire", "france-travail": "france-travail"}
MODES = ("virement", "cheque", "carte", "especes", "cdc")
PENALTIES_SOURCE = "Code de commerce L441-10"
SEQUENCE_SOURCE = "CGI art. 242 nonies A de l'annexe II"

STATUS_DUE, STATUS_PAID, STATUS_LATE = "a_payer", "payee", "en_retard"
STATUS_CANCELLED, STATUS_ISSUED = "annulee", "emis"


def parse_payer(text: str) -> str:
    return parse_choice(text, PAYERS, msg.PAYEUR_INCONNU)


def parse_mode(text: str) -> str:
    return parse_choice(text, MODES, msg.MODE_PAIEMENT_INCONNU)


def default_payer(bilan: Bilan) -> str:
    return DEFAULT_PAYER.get(bilan.financement, "autre")


NUMBERS = RegisterNumber("F", 4)


def parse_number(text: str) -> str:
    """`F2026-0001` (typed in lower case too)."""
    found = NUMBERS.parse(text)
    if found is None:
        raise fail(msg.FACTURE_NUMERO_MALFORME, saisie=text)
    return NUMBERS.format(*found)


def format_number(year: int, rank: int) -> str:
    return NUMBERS.format(year, rank)


def parse_positive_amount(text: str) -> int:
    """`--montant`: euros → cents, strictly positive."""

    if text.strip().startswith("-"):
        raise fail(msg.MONTANT_NON_POSITIF, saisie=text)
    cents = parse_amount(text)
    if cents <= 0:
        raise fail(msg.MONTANT_NON_POSITIF, saisie=text)
    return cents


def invoiced_cents(bilan: Bilan) -> int:
    """What the bilan's invoices ask, HT, less its credit notes (whole or partial: their
    amounts are negative)."""
    return sum(line.ht_cents for line in bilan.invoices if line.type in (INVOICE, CREDIT_NOTE))


def earned_cents(bilan: Bilan) -> int | None:
    """What the whole bilan is worth HT: its tarif, or for an abandoned one the share of the
    hours delivered over the hours planned (the « service fait » the CPF pays pro rata);
    None when that cannot be known."""
    if not bilan.tarif_cents:
        return None
    if bilan.phase != "abandonne":
        return bilan.tarif_cents
    planned = bilan.heures_prevues_minutes
    if not planned:
        return None
    done = min(bilan.minutes_delivered, planned)
    return (bilan.tarif_cents * done * 2 + planned) // (2 * planned)   # half up, in cents


def amount_to_invoice(bilan: Bilan, typed_cents: int | None) -> int:
    """`--montant`, or what is left to invoice; never beyond the tarif."""
    already = invoiced_cents(bilan)
    if bilan.tarif_cents:
        left = bilan.tarif_cents - already
        if typed_cents is not None:
            if typed_cents > left:
                raise fail(msg.FACTURE_AU_DELA_DU_TARIF, id=bilan.id, montant=format_euros(typed_cents),
                           tarif=format_euros(bilan.tarif_cents), deja=format_euros(already),
                           reste=format_euros(max(left, 0)))
            return typed_cents
        earned = earned_cents(bilan)
        if earned is None:
            raise fail(msg.FACTURE_ABANDON_SANS_MONTANT, id=bilan.id)
        if earned - already <= 0:
            raise fail(msg.FACTURE_DEJA_FACTUREE, id=bilan.id, deja=format_euros(already),
                       du=format_euros(earned))
        return earned - already
    if typed_cents is None:
        raise fail(msg.FACTURE_SANS_TARIF, id=bilan.id)
    return typed_cents


def check_issue_day(on: date, sequence: Sequence, today: date) -> None:
    """The sequence is chronological: no number dated before the last one given, nor ahead."""
    require_not_future(on, today, msg.QUOI_FACTURE)
    if sequence.last_issued_on and on < sequence.last_issued_on:
        raise fail(msg.FACTURE_AVANT_DERNIERE, date=format_date(on),
                   derniere=format_date(sequence.last_issued_on), source=SEQUENCE_SOURCE)


def issue(bilan: Bilan, sequence: Sequence, on: date, today: date, payer: str | None,
          typed_cents: int | None, buyer: dict, cabinet: dict, billing: bill.Billing,
          directory=()) -> InvoiceIssued:
    """`bilan facture`: the invoice to write, frozen with everything its document shows;
    `directory`, the cabinet's organismes (the buyer's address and SIRET)."""

    if bilan.anonymised_on:
        raise fail(msg.BILAN_ANONYMISE, id=bilan.id)
    if not bilan.entretiens:
        raise fail(msg.FACTURE_SANS_ENTRETIEN, id=bilan.id)
    check_issue_day(on, sequence, today)
    first = bilan.entretiens[0].date
    if on < first:
        raise fail(msg.FACTURE_AVANT_ENTRETIEN, date=format_date(on), id=bilan.id,
                   premier=format_date(first))
    payer = payer or default_payer(bilan)
    seller = doc.seller(cabinet, billing)
    customer = doc.buyer(bilan, payer, buyer, directory)
    ht = amount_to_invoice(bilan, typed_cents)
    tva = bill.vat_cents(ht, billing.rate_bp)
    due = bill.due_date(on, billing)
    frozen = doc.invoice(bilan, on, payer, seller, customer, (ht, tva, ht + tva), due, billing,
                         invoiced_cents(bilan))
    return InvoiceIssued(bilan.id, INVOICE, on, payer, ht, tva, ht + tva, due, None, frozen)


def credit_amounts(invoice: Invoice, typed_cents: int | None) -> tuple[int, int]:
    """(HT, VAT) a credit note takes off: `--montant` (HT), never more in all than the
    invoice; without it, what remains. The VAT follows the invoice's own, pro rata, and the
    last credit note takes exactly what is left of it."""
    left = invoice.creditable_ht_cents
    if typed_cents is None or typed_cents == left:
        return left, invoice.tva_cents - invoice.credited_tva_cents
    if typed_cents > left:
        raise fail(msg.AVOIR_AU_DELA_DE_LA_FACTURE, montant=format_euros(typed_cents),
                   numero=invoice.numero, ht=format_euros(invoice.ht_cents),
                   deja=format_euros(invoice.credited_ht_cents), reste=format_euros(left))
    vat = (invoice.tva_cents * typed_cents * 2 + invoice.ht_cents) // (2 * invoice.ht_cents)
    return typed_cents, min(vat, invoice.tva_cents - invoice.credited_tva_cents)


def cancel(invoice: Invoice, sequence: Sequence, on: date, today: date, motif: str | None,
           cabinet: dict, billing: bill.Billing, typed_cents: int | None = None) -> InvoiceIssued:
    """`bilan avoir`: a credit note on the whole invoice or, with `typed_cents` (HT), on part
    of it (a commercial gesture, an error of amount), in the same sequence."""

    if invoice.is_credit_note:
        raise fail(msg.AVOIR_D_UN_AVOIR, numero=invoice.numero, facture=invoice.annule)
    if invoice.wholly_credited:
        raise fail(msg.FACTURE_DEJA_ANNULEE, numero=invoice.numero, avoir=invoice.cancelled_by)
    ht, tva = credit_amounts(invoice, typed_cents)
    check_issue_day(on, sequence, today)
    if on < invoice.date:
        raise fail(msg.AVOIR_AVANT_FACTURE, date=format_date(on), numero=invoice.numero,
                   facture=format_date(invoice.date))
    seller = doc.seller(cabinet, billing)
    frozen = doc.credit_note(invoice, on, seller, optional_text(motif), (-ht, -tva, -ht - tva))
    return InvoiceIssued(invoice.bilan_id, CREDIT_NOTE, on, invoice.payeur, -ht, -tva, -ht - tva,
                         None, invoice.numero, frozen)


def pay(invoice: Invoice, on: date, today: date, cents: int, mode: str | None) -> PaymentRecorded:
    """`bilan paiement`: a payment received, never more than what remains due."""
    if invoice.is_credit_note:
        raise fail(msg.PAIEMENT_D_UN_AVOIR, numero=invoice.numero)
    if invoice.wholly_credited:
        raise fail(msg.PAIEMENT_FACTURE_ANNULEE, numero=invoice.numero, avoir=invoice.cancelled_by)
    require_not_future(on, today, msg.QUOI_PAIEMENT)
    if on < invoice.date:
        raise fail(msg.PAIEMENT_AVANT_FACTURE, date=format_date(on), numero=invoice.numero,
                   facture=format_date(invoice.date))
    left = invoice.remaining_cents
    if cents > left:
        raise fail(msg.PAIEMENT_TROP_ELEVE, montant=format_euros(cents), numero=invoice.numero,
                   reste=format_euros(left), ttc=format_euros(invoice.ttc_cents))
    return PaymentRecorded(invoice.numero, on, cents, mode or ("cdc" if invoice.payeur == "cdc" else "virement"))


def refund_due_cents(invoice: Invoice, credit_ttc_cents: int) -> int:
    """What a credit note of `credit_ttc_cents` leaves to pay back: the payments already
    received beyond what the invoice, once credited, still asks."""
    owed_before = invoice.ttc_cents - invoice.credited_ttc_cents
    return max(invoice.paid_cents - max(owed_before - credit_ttc_cents, 0), 0) - max(
        invoice.paid_cents - owed_before, 0)


def status(invoice: Invoice, today: date) -> str:
    if invoice.is_credit_note:
        return STATUS_ISSUED
    if invoice.wholly_credited:
        return STATUS_CANCELLED
    if invoice.remaining_cents <= 0:
        return STATUS_PAID
    return STATUS_LATE if invoice.echeance and invoice.echeance < today else STATUS_DUE


def register_row(invoice: Invoice, today: date) -> dict:
    """One line of `bilan factures --json` (SPEC §10), amounts in euros."""

    credit = invoice.is_credit_note
    return {
        "numero": invoice.numero, "type": invoice.type, "date": iso(invoice.date),
        "bilan": invoice.bilan_id, "payeur": invoice.payeur,
        "montant_ht": invoice.ht_cents / 100, "montant_ttc": invoice.ttc_cents / 100,
        "paye": 0 if credit else invoice.paid_cents / 100,
        "reste": invoice.balance_cents / 100, "echeance": iso(invoice.echeance),
        "statut": status(invoice, today),
    }
