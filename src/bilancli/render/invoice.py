"""What an invoice's or a credit note's template may show: its frozen document, written out.

Read from the document frozen at issue and nothing else — no bilan, no setting, no today —
so that rendering it again, whatever changed since, gives the same bytes. Pure.
"""

from __future__ import annotations

from datetime import date

from bilancli import messages as msg
from bilancli.core.dates import format_date, format_date_long, format_minutes
from bilancli.core.facturation.billing import format_rate
from bilancli.core.facturation.checkdigits import format_iban
from bilancli.core.formats import format_euros


def _long(text: str | None) -> str | None:
    return format_date_long(date.fromisoformat(text)) if text else None


def _short(text: str | None) -> str | None:
    return format_date(date.fromisoformat(text)) if text else None


def _service(p: dict, ht_cents: int, credit: bool) -> dict:
    tarif, already = p.get("tarif_centimes"), p.get("deja_facture_centimes") or 0
    partial = not credit and bool(tarif) and (already or ht_cents != tarif)
    # An installment, or the balance that completes the tarif after earlier ones.
    part = None if not partial else (msg.FACTURE_SOLDE if already + ht_cents >= tarif
                                     else msg.FACTURE_PARTIELLE)
    return {
        "libelle": msg.DESIGNATION_BILAN, "bilan": p["bilan"], "beneficiaire": p["beneficiaire"],
        "employeur": p.get("employeur"),
        "debut": _long(p["debut"]), "fin": _long(p["fin"]),
        "heures": format_minutes(p["minutes"]) if p["minutes"] else "0h",
        "abandon": p.get("abandon", False), "partielle": part,
        "tarif": format_euros(tarif) if partial else None,
        "deja_facture": format_euros(already) if partial and already else None,
    }


def epoch(document: dict) -> int:
    """The issue day at midnight UTC, in seconds: the one clock the PDF may hold."""
    from datetime import datetime, timezone

    day = date.fromisoformat(document["date"])
    return int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp())


def view(document: dict) -> dict:
    """The template's variables (see templates/README.md, « facture »)."""
    d = document
    credit = d["type"] == "avoir"
    seller, buyer, money, vat = d["vendeur"], d["acheteur"], d["montants"], d["tva"]
    payment = d.get("paiement") or {}
    cancelled = d.get("facture_annulee")
    rate = vat.get("taux_bp")
    return {
        # The page's header reads `cabinet`: the seller as it stood on the day of issue.
        "cabinet": {"nom": seller["nom"], "adresse": seller["adresse"], "siret": seller["siret"],
                    "nda": seller.get("nda") or ""},
        "vendeur": {k: seller.get(k) or "" for k in ("nom", "adresse", "siret", "nda", "telephone", "email")},
        "acheteur": {"nom": buyer["nom"], "adresse": buyer.get("adresse") or "",
                     "siret": buyer.get("siret") or "", "professionnel": buyer["professionnel"],
                     # Frozen with the invoice since 2026 (older ones print none, as issued).
                     "siren": buyer.get("siren") or "",
                     "reference": buyer.get("reference") or ""},
        "facture": {
            "numero": d["numero"], "type": d["type"], "avoir": credit,
            "titre": msg.DOCUMENT_LABELS[d["type"]], "date": _long(d["date"]),
            "date_courte": _short(d["date"]), "echeance": _long(d.get("echeance")),
            "payeur": msg.PAYEUR_LABELS.get(d["payeur"], d["payeur"]),
        },
        "prestation": _service(d["prestation"], money["ht"], credit),
        "montants": {k: format_euros(money[k]) for k in ("ht", "tva", "ttc")},
        "tva": {"mention": vat.get("mention"), "taux": format_rate(rate) if rate else None},
        "paiement": {
            "delai_jours": payment.get("delai_jours"),
            "iban": format_iban(payment["iban"]) if payment.get("iban") else None,
        },
        "mentions": list(d.get("mentions") or ()),
        "cpf": d["payeur"] == "cdc",
        # `totalite`: False for a partial credit note (before them, every one was whole).
        "facture_annulee": ({"numero": cancelled["numero"], "date": _long(cancelled["date"]),
                             "totalite": cancelled.get("totalite", True)}
                            if cancelled else None),
        "motif": d.get("motif"),
    }
