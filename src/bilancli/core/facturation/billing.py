"""How the cabinet invoices (`[facturation]`, SPEC §1): the VAT regime and rate, the payment
delay, the IBAN; and the two computations every invoice makes — VAT and the due date.

Money is integer cents throughout; the VAT rate is kept in hundredths of a percent, so
that 5,5 % is the integer 550 and no float ever touches an amount.
"""

from __future__ import annotations

import re
from collections import namedtuple
from datetime import date, timedelta

from bilancli import messages as msg
from bilancli.core.facturation.checkdigits import parse_iban
from bilancli.errors import fail

EXEMPT, FRANCHISE, LIABLE = "exoneree", "franchise", "assujettie"
REGIMES = (EXEMPT, FRANCHISE, LIABLE)
# Organismes de formation declared to the DREETS are exempt (CGI 261-4-4° a; BOFiP names
# bilans de compétences): the default.
DEFAULT_REGIME = EXEMPT
# The normal French rate, when `tva = "assujettie"` gives no `taux`.
DEFAULT_RATE_BP = 2000
DEFAULT_PAYMENT_DELAY = "30 jours"
# Code de commerce L441-10: at most sixty days from the invoice's date.
MAX_PAYMENT_DAYS = 60
PAYMENT_DELAY_SOURCE = "Code de commerce L441-10"
# Payers who buy as professionals: the late-payment penalties and the 40 € indemnity apply
# (Code de commerce L441-10).
PROFESSIONAL_PAYERS = ("employeur", "opco", "france-travail", "autre")
MENTIONS = {EXEMPT: msg.MENTION_TVA_EXONEREE, FRANCHISE: msg.MENTION_TVA_FRANCHISE}
# Public buyers take electronic invoices on Chorus Pro already (ordonnance 2014-697).
PUBLIC_PAYERS = ("france-travail",)
E_INVOICING_SOURCE = "CGI art. 289 bis"


class Billing(namedtuple("Billing", "regime rate_bp delay_days iban")):
    """`[facturation]` read and checked: the regime, the VAT rate in hundredths of a percent
    (None unless liable), the payment delay in days, the IBAN in compact form (or None)."""

    __slots__ = ()


_DAYS = re.compile(r"(\d{1,4})\s*jours?")


def parse_days(text: str, section: str, key: str, *, minimum: int = 0, maximum: int | None = None,
               source: str = "") -> int:
    """`30 jours` → 30; anything else is refused naming the setting."""
    match = _DAYS.fullmatch(str(text).strip().lower())
    if not match:
        raise fail(msg.DELAI_ILLISIBLE, section=section, cle=key, saisie=text)
    days = int(match.group(1))
    if days < minimum:
        raise fail(msg.DELAI_TROP_COURT, section=section, cle=key, saisie=text, minimum=minimum)
    if maximum is not None and days > maximum:
        raise fail(msg.DELAI_TROP_LONG, section=section, cle=key, saisie=text, maximum=maximum,
                   source=source)
    return days


def parse_rate(value) -> int:
    """`taux = 20` or `5.5` → hundredths of a percent; strictly between 0 and 100, two decimals
    at most (a rate is never an approximation)."""
    from decimal import Decimal, InvalidOperation

    try:
        rate = Decimal(str(value))
    except InvalidOperation:
        raise fail(msg.TAUX_INVALIDE, saisie=value) from None
    hundredths = rate * 100
    if not rate.is_finite() or rate <= 0 or rate > 100 or hundredths != hundredths.to_integral_value():
        raise fail(msg.TAUX_INVALIDE, saisie=value)
    return int(hundredths)


def billing_from_config(facturation: dict) -> Billing:
    """Read `[facturation]` (settings.py has checked the kinds of value)."""

    regime = facturation.get("tva", DEFAULT_REGIME)
    rate = None
    if "taux" in facturation:
        if regime != LIABLE:
            raise fail(msg.TAUX_SANS_TVA, regime=regime)
        rate = parse_rate(facturation["taux"])
    elif regime == LIABLE:
        rate = DEFAULT_RATE_BP
    delay = parse_days(facturation.get("delai_paiement", DEFAULT_PAYMENT_DELAY), "facturation",
                       "delai_paiement", maximum=MAX_PAYMENT_DAYS, source=PAYMENT_DELAY_SOURCE)
    iban = facturation.get("iban")
    return Billing(regime, rate, delay, parse_iban(iban, "iban") if iban else None)


def vat_cents(ht_cents: int, rate_bp: int | None) -> int:
    """The VAT of an invoice, computed once on its total HT and rounded half up to the cent."""
    if not rate_bp:
        return 0
    return (ht_cents * rate_bp + 5000) // 10000


def due_date(issued_on: date, billing: Billing) -> date:
    return issued_on + timedelta(days=billing.delay_days)


def vat_mention(billing: Billing) -> str | None:
    """The exemption's article, which the invoice must quote; None when VAT is charged."""
    return MENTIONS.get(billing.regime)


def through_platform(regime: str, payer: str) -> bool:
    """From 1 September 2027 a small business's invoice to another business goes through a
    plateforme agréée (CGI 289 bis); operations exempt under 261-4-4° a stay outside it."""
    return regime != EXEMPT and payer in PROFESSIONAL_PAYERS and payer not in PUBLIC_PAYERS


def format_rate(rate_bp: int) -> str:
    """`2000` → `20 %`, `550` → `5,5 %`."""
    whole, rest = divmod(rate_bp, 100)
    return f"{whole} %" if not rest else f"{whole},{rest:02d}".rstrip("0") + " %"
