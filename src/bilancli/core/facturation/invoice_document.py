"""What an issued invoice or credit note shows, frozen at issue (CGI art. 242 nonies A of annex II).

Everything its document prints is decided here, once: the seller as `[cabinet]` stood, the
buyer, the service (beneficiary, period, hours), the amounts, the VAT regime and its
article, the payment terms and the legal mentions. The store keeps this dict as it is and
the document is rendered from it alone: a bilan or a setting changed later, or another
day, never changes an invoice already issued.
"""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core.dates import iso
from bilancli.core.facturation import billing as bill
from bilancli.core.facturation.checkdigits import format_siret, parse_siret, parse_vat_number
from bilancli.core.facturation.ledger import CREDIT_NOTE, INVOICE, Invoice
from bilancli.core.facturation.organismes import find
from bilancli.core.formats import full_name
from bilancli.core.model import Bilan
from bilancli.errors import BilanError, fail

# What an invoice cannot go without (CGI art. 242 nonies A: the seller's name, address and
# SIREN); an exempt organisme de formation also prints its déclaration d'activité.
REQUIRED_SELLER_KEYS = ("nom", "adresse", "siret")


def seller(cabinet: dict, billing: bill.Billing) -> dict:
    """The seller as `[cabinet]` says today; refused when a mention the law wants is missing
    (an issued invoice cannot be completed later, only cancelled)."""

    wanted = REQUIRED_SELLER_KEYS + (("nda",) if billing.regime == bill.EXEMPT else ())
    missing = [key for key in wanted if not str(cabinet.get(key, "")).strip()]
    if missing:
        raise fail(msg.FACTURE_CABINET_INCOMPLET, cles=", ".join(f"[cabinet] {k}" for k in missing))
    try:
        siret = parse_siret(cabinet["siret"])
    except BilanError:
        raise fail(msg.CABINET_SIRET_INVALIDE, saisie=cabinet["siret"]) from None
    found = {
        "nom": cabinet["nom"].strip(), "adresse": cabinet["adresse"].strip(),
        "siret": format_siret(siret), "nda": (cabinet.get("nda") or "").strip() or None,
        "telephone": (cabinet.get("telephone") or "").strip() or None,
        "email": (cabinet.get("email") or "").strip() or None,
    }
    # Only when given (an exempt seller may have one, BR-E-02): the documents frozen before
    # stay as they were, and none is ever made up.
    vat_number = (cabinet.get("tva_intracommunautaire") or "").strip()
    if vat_number:
        found["tva_intracommunautaire"] = parse_vat_number(vat_number)
    return found


def buyer(bilan: Bilan, payer: str, typed: dict, directory=()) -> dict:
    """The buyer: `--destinataire`, else whom the payer stands for; its address is a mention
    of every invoice: `--adresse`, else the beneficiary's when they pay, else that of the
    organisme of the cabinet's directory (`directory`) bearing the buyer's name (the Caisse
    des Dépôts' is known). Its SIRET: `--siret`, else the organisme's; its SIREN is printed."""

    name = (typed.get("nom") or "").strip()
    address = (typed.get("adresse") or "").strip()
    if not name:
        if payer == "beneficiaire":
            name = full_name(bilan.prenom, bilan.nom)
        elif payer == "employeur":
            name = (bilan.employeur or "").strip()
        elif payer == "cdc":
            name, address = msg.CDC_NOM, address or msg.CDC_ADRESSE
    if not name:
        raise fail(msg.FACTURE_SANS_DESTINATAIRE, id=bilan.id, payeur=msg.PAYEUR_LABELS[payer])
    registered = find(directory, name)
    if registered is not None:
        name = registered.nom
    if not address and payer == "beneficiaire" and not typed.get("nom"):
        address = (bilan.adresse or "").strip()
    if not address and registered is not None:
        address = registered.adresse
    professional = payer in bill.PROFESSIONAL_PAYERS
    if professional and not address:
        raise fail(msg.FACTURE_SANS_ADRESSE, payeur=msg.PAYEUR_LABELS[payer])
    if not address:   # a person too: the invoice names the client and gives its address
        raise fail(msg.FACTURE_SANS_ADRESSE_CLIENT, nom=name)
    siret = parse_siret(typed["siret"]) if typed.get("siret") else (registered and registered.siret)
    reference = (typed.get("reference") or "").strip() or None
    return {"nom": name, "adresse": address or None,
            "siret": format_siret(siret) if siret else None,
            # The buyer's SIREN, a mention of invoices from 2027 (the first nine digits).
            "siren": format_siren(siret) if siret else None,
            "professionnel": professional, "reference": reference}


def format_siren(siret: str) -> str:
    """`73282932000074` → `732 829 320`: the company, as INSEE prints it."""
    digits = siret.replace(" ", "")[:9]
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


# Whoever pays for an employee's bilan without being the employer (an OPCO) matches the
# invoice on the employer it funds.
_NAMES_THE_EMPLOYER = ("opco", "autre")


def _service(bilan: Bilan, already_cents: int, payer: str) -> dict:
    dates = [e.date for e in bilan.entretiens]
    return {
        "bilan": bilan.id, "beneficiaire": full_name(bilan.prenom, bilan.nom),
        "employeur": (bilan.employeur or "").strip() or None if payer in _NAMES_THE_EMPLOYER else None,
        "debut": iso(min(dates)), "fin": iso(max(dates)), "minutes": bilan.minutes_delivered,
        "tarif_centimes": bilan.tarif_cents, "deja_facture_centimes": already_cents,
        "abandon": bilan.phase == "abandonne",
    }


def invoice(bilan: Bilan, on: date, payer: str, seller_: dict, buyer_: dict,
            amounts: tuple[int, int, int], due: date, billing: bill.Billing,
            already_cents: int) -> dict:
    """The frozen invoice, without its number (given by the store in the same transaction)."""
    ht, tva, ttc = amounts
    mentions = [msg.MENTION_OPERATION, msg.MENTION_ESCOMPTE]
    if buyer_["professionnel"]:
        mentions.append(msg.MENTION_PENALITES)
    if payer == "cdc":
        mentions.append(msg.MENTION_CPF)
    return {
        "type": INVOICE, "date": iso(on), "echeance": iso(due), "payeur": payer,
        "vendeur": seller_, "acheteur": buyer_, "prestation": _service(bilan, already_cents, payer),
        "montants": {"ht": ht, "tva": tva, "ttc": ttc},
        "tva": {"regime": billing.regime, "taux_bp": billing.rate_bp,
                "mention": bill.vat_mention(billing)},
        "paiement": {"delai_jours": billing.delay_days, "iban": billing.iban},
        "mentions": [str(m) for m in mentions],
        "facture_annulee": None, "motif": None,
    }


def credit_note(cancelled: Invoice, on: date, seller_: dict, motif: str | None,
                amounts: tuple[int, int, int]) -> dict:
    """The frozen credit note: the credited invoice's buyer, service and VAT, the amounts it
    takes off (negative: the whole invoice or part of it), the seller as it stands on the day
    of the credit note."""
    before = cancelled.document
    ht, tva, ttc = amounts
    return {
        "type": CREDIT_NOTE, "date": iso(on), "echeance": None, "payeur": cancelled.payeur,
        "vendeur": seller_, "acheteur": before["acheteur"], "prestation": before["prestation"],
        "montants": {"ht": ht, "tva": tva, "ttc": ttc},
        "tva": before["tva"], "paiement": None, "mentions": [str(msg.MENTION_OPERATION)],
        "facture_annulee": {"numero": cancelled.numero, "date": iso(cancelled.date),
                            "totalite": not cancelled.credited_ht_cents and -ht >= cancelled.ht_cents},
        "motif": motif.strip() if motif else None,
    }
