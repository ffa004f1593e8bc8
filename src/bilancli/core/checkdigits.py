"""The check digits of what the consultant types on an invoice: SIRET (Luhn) and IBAN (mod 97).

A SIRET is the 9 digits of the SIREN (the company) and the 5 of the NIC (the
establishment); INSEE gives both the Luhn key. One exception, published by INSEE: La
Poste's establishments (SIREN 356 000 000) are numbered beyond what the Luhn key allows,
so their SIRET is checked by its own rule, the sum of its digits a multiple of 5.
"""

from __future__ import annotations

import re

from bilancli import messages as msg
from bilancli.errors import fail

LA_POSTE_SIREN = "356000000"
_SPACES = re.compile(r"[\s\u00a0\u202f.-]")


def luhn_valid(digits: str) -> bool:
    """The Luhn key: doubling every second digit from the right, the sum is a multiple of 10."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def siret_valid(digits: str) -> bool:
    """14 digits whose SIREN and whole number each pass the Luhn key (La Poste: see above)."""
    if len(digits) != 14 or not digits.isascii() or not digits.isdigit():
        return False
    if digits[:9] == LA_POSTE_SIREN:
        return sum(map(int, digits)) % 5 == 0
    return luhn_valid(digits[:9]) and luhn_valid(digits)


def parse_siret(text: str) -> str:
    """A SIRET as typed (`123 456 789 00012`) → its 14 digits, or a refusal naming the fault."""
    digits = _SPACES.sub("", text.strip())
    if len(digits) != 14 or not digits.isascii() or not digits.isdigit():
        raise fail(msg.SIRET_FORME, saisie=text)
    if not siret_valid(digits):
        raise fail(msg.SIRET_CLE, saisie=text)
    return digits


def format_siret(digits: str) -> str:
    """`12345678900012` → `123 456 789 00012`, the way INSEE prints it."""
    if len(digits) != 14:
        return digits
    return f"{digits[:3]} {digits[3:6]} {digits[6:9]} {digits[9:]}"


_IBAN = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")


def iban_valid(compact: str) -> bool:
    """ISO 13616: the country and key moved to the end, letters as numbers, mod 97 is 1."""
    if not _IBAN.fullmatch(compact):
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def parse_iban(text: str, key: str) -> str:
    """`[facturation] iban` → its compact form; a wrong key is refused naming the setting."""
    compact = _SPACES.sub("", text).upper()
    if not iban_valid(compact):
        raise fail(msg.IBAN_INVALIDE, cle=key, saisie=text)
    return compact


def format_iban(compact: str) -> str:
    """In groups of four, as banks print it."""
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))
