"""The cabinet's directory of organismes (SPEC §10): the legal persons it bills or signs with.

Companies, not people: no bilan content, no retention clock. A name is never stored twice,
accents, case and spaces ignored, and every lookup by name compares the same way.
"""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.core.changes import RowAdded, RowsUpdated
from bilancli.core.choices import parse_choice
from bilancli.core.dossier.fields import validate_admin
from bilancli.core.facturation.checkdigits import parse_siret
from bilancli.core.formats import plain
from bilancli.core.model import Organisme
from bilancli.errors import fail

TYPES = ("employeur", "opco", "public", "autre")
# What `organisme set` may change: the name is the key the invoices were issued to.
SETTABLE = ("adresse", "siret", "type", "email", "telephone")


def key(name: str | None) -> str:
    """A name as the directory compares it: accents, case and runs of spaces ignored."""
    return " ".join(plain(name or "").split())


def find(directory, name: str | None) -> Organisme | None:
    """The registered organisme named `name` (as compared by `key`), or None."""
    wanted = key(name)
    if not wanted:
        return None
    return next((o for o in directory if key(o.nom) == wanted), None)


def _text(value: str | None) -> str | None:
    return " ".join(value.split()) if value is not None and value.strip() else None


def _value(field: str, text: str | None, name: str) -> str | None:
    """One renseignement as stored; the address may not be blank (every invoice names it)."""
    if field == "adresse":
        value = (text or "").strip()
        if not value:
            raise fail(msg.ORGANISME_ADRESSE_VIDE, nom=name)
        return value
    if field == "siret":
        return parse_siret(text) if _text(text) else None
    if field == "type":
        return parse_choice(text or "autre", TYPES, msg.ORGANISME_TYPE_INCONNU)
    if field == "email":
        return validate_admin("email", text)
    return _text(text)


def add(directory, name: str, typed: dict) -> RowAdded:
    """`organisme add`: a new name, never one already there (accents and case ignored)."""
    shown = _text(name)
    if shown is None:
        raise fail(msg.ORGANISME_NOM_VIDE)
    twin = find(directory, shown)
    if twin is not None:
        raise fail(msg.ORGANISME_EN_DOUBLE, saisie=name, nom=twin.nom)
    values = {"cle": key(shown), "nom": shown}
    values.update({field: _value(field, typed.get(field), shown) for field in SETTABLE})
    return RowAdded("organismes", values)


def set_value(directory, name: str, field_text: str, value: str) -> tuple[Organisme, str, RowsUpdated]:
    """`organisme set`: one renseignement of a registered organisme."""
    found = find(directory, name)
    if found is None:
        raise fail(msg.ORGANISME_INCONNU, saisie=name)
    field = parse_choice(field_text.replace("-", "_"), SETTABLE, msg.ORGANISME_CHAMP_INCONNU)
    stored = _value(field, value, found.nom)
    return found, field, RowsUpdated("organismes", {field: stored}, {"cle": key(found.nom)})


def as_json(organisme: Organisme) -> dict:
    return {"nom": organisme.nom, "adresse": organisme.adresse, "siret": organisme.siret,
            "type": organisme.type, "email": organisme.email, "telephone": organisme.telephone}
