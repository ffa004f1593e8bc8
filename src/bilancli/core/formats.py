"""Money, sizes, figures and names written one way everywhere: the screen and the documents."""

from __future__ import annotations

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
