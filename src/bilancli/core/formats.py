"""Money, sizes, figures and names written one way everywhere: the screen and the documents;
stored text made safe to show (`clean`)."""

from __future__ import annotations

import re
import unicodedata

THIN_SPACE = "\u202f"   # the French thousands separator (espace fine insécable)


def format_euros(cents: int | None) -> str | None:
    """`180050` → `1 800,50 €`: exact cents, never a float."""
    if cents is None:
        return None
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole:,}".replace(",", THIN_SPACE) + f",{rest:02d} €"


def format_size(octets: int) -> str:
    """`512` → `512 o`, `51200` → `50,0 ko`, `5242880` → `5,0 Mo`."""
    if octets < 1024:
        return f"{octets} o"
    if octets < 1024 * 1024:
        return f"{octets / 1024:.1f} ko".replace(".", ",")
    return f"{octets / (1024 * 1024):.1f} Mo".replace(".", ",")


def format_decimal(value: float | int | None, digits: int = 2) -> str:
    """A figure the French way, without useless zeros: `1 234,5`; `—` when there is none."""
    if value is None:
        return "—"
    text = f"{value:,.{digits}f}".replace(",", THIN_SPACE).replace(".", ",")
    return text.rstrip("0").rstrip(",") if "," in text else text


def format_percent(rate: float | None) -> str:
    return "—" if rate is None else format_decimal(rate * 100, 1) + " %"


def full_name(prenom: str | None, nom: str | None) -> str:
    return " ".join(x for x in (prenom, nom) if x)


# C0 controls and DEL shown as their Unicode pictures (ESC → ␛), C1 controls and the
# bidirectional controls (U+202E reverses text) as their code point.
_CONTROLS = {code: chr(0x2400 + code) for code in range(32)}
_CONTROLS[0x7F] = "\u2421"
_CONTROLS.update({code: f"<U+{code:04X}>" for code in range(0x80, 0xA0)})
_CONTROLS.update({code: f"<U+{code:04X}>" for code in (
    0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_KEEP_NEWLINES = {k: v for k, v in _CONTROLS.items() if k != 10}
# In a document (md, html, pdf): line breaks and tabs kept as typed, a lone CR a line break.
_IN_DOCUMENTS = {k: v for k, v in _CONTROLS.items() if k not in (9, 10)}
_IN_DOCUMENTS[13] = "\n"
_KEEP_NEWLINES[9] = "    "   # a tab in a paragraph: spaces, not a mark
# In a cell or a line of its own, a line break or a tab typed in a name is a space.
_CONTROLS.update({9: " ", 10: " ", 13: " "})


ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean_for_document(text: str) -> str:
    """Stored text as a document may hold it (SPEC §8): control characters and bidirectional
    overrides neutralised, line breaks and tabs kept."""
    if not ANY_CONTROL.search(text):
        return text
    return text.replace("\r\n", "\n").translate(_IN_DOCUMENTS)


def clean(text: object, keep_newlines: bool = False) -> str:
    """`text` safe for a terminal or a calendar: control characters become visible marks.
    Most text holds none: one search says so, faster than translating every character."""
    value = "" if text is None else str(text)
    if not ANY_CONTROL.search(value):
        return value
    return value.translate(_KEEP_NEWLINES if keep_newlines else _CONTROLS)


def plain(text: str | None) -> str:
    """A name compared as a person would: accents and case ignored."""
    if text is not None and text.isascii():   # nothing to decompose: `bilan import` reads 100,000
        return text.casefold().strip()
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def person_key(nom: str | None, prenom: str | None) -> tuple[str, str]:
    """Who a nom and prénom name, as `same_person` compares them."""
    return plain(nom), plain(prenom)
