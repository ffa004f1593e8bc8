"""`bilan set`: what writing one field of the case record decides, and what the editor opens."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.core.changes import AdminSet, FieldSet
from bilancli.core.dossier.convention import check_financing_change
from bilancli.core.dossier.fields import REQUIRED_FIELDS, is_content, validate_admin
from bilancli.core.dossier.guards import check_editable
from bilancli.errors import fail


def set_field(bilan, field: str, text: str | None, on):
    """`bilan set`: the change to write for one field (content or administrative), once the
    bilan may still take it. A blank value is refused — an empty pipe must never erase a
    field —: `text` None (`--effacer`) clears it on purpose."""
    check_editable(bilan, field)
    if text is not None and not text.strip():
        raise fail(msg.VALEUR_VIDE, champ=field, id=bilan.id)
    if text is None and field in REQUIRED_FIELDS:
        raise fail(msg.NOM_VIDE, champ=msg.FIELD_LABELS.get(field, field).lower())
    if is_content(field):
        return FieldSet(bilan.id, field, text, on)
    value = validate_admin(field, text)
    if field == "financement":
        check_financing_change(bilan, value)
    return AdminSet(bilan.id, field, value)


def current_text(bilan, field: str) -> str:
    """The stored text of a field as the editor opens it ("" when empty)."""
    if is_content(field):
        return bilan.champs.get(field) or ""
    value = getattr(bilan, {"heures_prevues": "heures_prevues_minutes",
                            "tarif": "tarif_cents"}.get(field, field))
    return "" if value is None else str(value)
