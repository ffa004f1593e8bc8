"""Closed lists of words the consultant types: statut, phase, modalité, moment…"""

from __future__ import annotations

from bilancli.errors import fail

# Typed with or without accents (« présentiel », « entrée »): the stored words have none.
_PLAIN = str.maketrans("éèêëàâäîïôöûüùç", "eeeeaaaiioouuuc")


def parse_choice(text: str, choices, template: str, *, strip: str = "", **values) -> str:
    """`text` as one of `choices`, whatever its case and accents; otherwise refused with
    `template`, which names what was typed (`saisie`) and what is possible (`possibles`)."""
    value = text.strip().lower().strip(strip).translate(_PLAIN)
    if value not in choices:
        raise fail(template, saisie=text, possibles=", ".join(choices), **values)
    return value


def parse_count(text: str, digits: int, template: str) -> int:
    """A number the tool gave out (an entretien's, a rendez-vous's, a document's): ASCII digits
    only (`str.isdigit` alone accepts "²"), at most `digits` of them (what SQLite's integers
    hold), never 0; otherwise refused with `template`, which names what was typed (`saisie`)."""
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or len(value) > digits or int(value) == 0:
        raise fail(template, saisie=text)
    return int(value)
