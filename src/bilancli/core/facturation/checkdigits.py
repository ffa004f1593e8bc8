"""What the consultant types on an invoice, checked by python-stdnum: a SIRET (the SIREN's key
and the whole number's; La Poste's establishments by INSEE's own rule, its head office by
Luhn), an IBAN (its key, and the length and layout of its country: 27 characters in
France) and a French VAT number (its key). The library is imported where it is used: only
the invoice commands need it.
"""

from __future__ import annotations

import re

from bilancli import messages as msg
from bilancli.errors import fail

_SPACES = re.compile(r"[\s\u00a0\u202f.-]")


def parse_siret(text: str) -> str:
    """A SIRET as typed (`123 456 789 00012`) → its 14 digits, or a refusal naming the fault:
    its form (14 digits) or its key (of the SIREN or of the whole number)."""
    from stdnum.exceptions import InvalidChecksum, ValidationError
    from stdnum.fr import siret

    digits = _SPACES.sub("", text.strip())
    if not digits.isascii():   # stdnum would read full-width digits as digits: a slip, refused
        raise fail(msg.SIRET_FORME, saisie=text)
    try:
        return siret.validate(digits)
    except InvalidChecksum:
        raise fail(msg.SIRET_CLE, saisie=text) from None
    except ValidationError:
        raise fail(msg.SIRET_FORME, saisie=text) from None


def parse_vat_number(text: str) -> str:
    """`[cabinet] tva_intracommunautaire` as typed (`FR 86 840 123 459`) → `FR86840123459`;
    a number France would not give (its form, or its key against the SIREN) is refused."""
    from stdnum.exceptions import ValidationError
    from stdnum.fr import tva

    if not text.isascii():   # full-width digits would be read as digits: a slip, refused
        raise fail(msg.CABINET_TVA_INVALIDE, saisie=text)
    try:
        return "FR" + tva.validate(text)
    except ValidationError:
        raise fail(msg.CABINET_TVA_INVALIDE, saisie=text) from None


def format_siret(digits: str) -> str:
    """`12345678900012` → `123 456 789 00012`, the way INSEE prints it."""
    if len(digits) != 14:
        return digits
    return f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}"


def parse_iban(text: str, key: str) -> str:
    """`[facturation] iban` → its compact form; a wrong one is refused naming the setting."""
    from stdnum import iban
    from stdnum.exceptions import ValidationError

    try:
        return iban.validate(_SPACES.sub("", text).upper())
    except ValidationError:
        raise fail(msg.IBAN_INVALIDE, cle=key, saisie=text) from None


def format_iban(compact: str) -> str:
    """In groups of four, as banks print it."""
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))
