"""The field catalogue of a bilan and the validation of what the consultant types (SPEC §3)."""

from __future__ import annotations

import re

from bilancli import messages as msg
from bilancli.core.changes import Opening
from bilancli.core.choices import parse_choice
from bilancli.core.dates import parse_duration
from bilancli.errors import fail

MAX_HOURS = 24  # L6313-4 al. 5
MAX_MINUTES = MAX_HOURS * 60

# Content fields: what is "élaboré pour la réalisation du bilan" and destroyed under R6313-7.
CONTENT_FIELDS_BY_PHASE: dict[str, tuple[str, ...]] = {
    "preliminaire": ("demande", "besoins", "modalites"),
    "investigation": (
        "parcours", "competences", "motivations", "projet", "plan_b", "formation",
    ),
    "conclusion": ("objectifs", "conditions", "etapes", "plan_action"),
}
CONTENT_FIELDS: tuple[str, ...] = tuple(
    name for names in CONTENT_FIELDS_BY_PHASE.values() for name in names
)

STATUTS = ("salarie", "demandeur-emploi", "particulier", "independant", "autre")
FINANCEMENTS = ("cpf", "plan", "reclassement", "personnel", "france-travail", "autre")
FORMATS = ("presentiel", "distanciel", "mixte")
CIVILITES = ("madame", "monsieur")   # letters say « Madame, Monsieur » without one
ENUMS: dict[str, tuple[str, ...]] = {
    "statut": STATUTS, "financement": FINANCEMENTS, "format": FORMATS, "civilite": CIVILITES,
}
_CIVILITE_SHORT = {"mme": "madame", "m": "monsieur", "mr": "monsieur"}
ADMIN_FIELDS: tuple[str, ...] = (
    "civilite", "nom", "prenom", "adresse", "email", "telephone", "statut", "financement", "format",
    "employeur", "heures_prevues", "tarif",
)
REQUIRED_FIELDS = ("nom", "prenom")
ALL_FIELDS = CONTENT_FIELDS + ADMIN_FIELDS

# Consents (SPEC §4): type → the source the consultant is reminded of.
CONSENTS: dict[str, str] = {
    "bilan": "L6313-4 al. 2",
    "conservation": "R6313-7, exception B",
    "cep": "L6313-4 al. 3, R6313-7 exception A",
    "employeur": "L6313-4 al. 3",
}


def parse_field_name(text: str) -> str:
    name = text.strip().lower().replace("-", "_")
    if name not in ALL_FIELDS:
        raise fail(msg.CHAMP_INCONNU, saisie=text, possibles=", ".join(ALL_FIELDS))
    return name


def parse_consent_type(text: str) -> str:
    return parse_choice(text, CONSENTS, msg.CONSENTEMENT_INCONNU)


def parse_enum(field: str, text: str) -> str:
    if field == "civilite":
        typed = _CIVILITE_SHORT.get(text.strip().lower().rstrip("."), text)
        return parse_choice(typed, CIVILITES, msg.CIVILITE_REFUSEE, strip=".")
    return parse_choice(text, ENUMS[field], msg.VALEUR_ENUM_INCONNUE, champ=field)


MAX_TARIF_EUROS = 100_000  # far above any bilan's price: more is a typo, not a tarif
_AMOUNT = re.compile(r"\d+(?:\.\d+)?")


def parse_amount(text: str) -> int:
    """A price in euros HT → cents (`1 500,50 €` → 150050), at most MAX_TARIF_EUROS."""
    cleaned = re.sub(r"[\s\u00a0\u202f€]|eur(?:os?)?", "", text.strip().lower())
    cleaned = cleaned.replace(",", ".")
    if cleaned.startswith("-") and _AMOUNT.fullmatch(cleaned[1:]):
        raise fail(msg.MONTANT_NEGATIF, saisie=text)
    # Plain digits only: Decimal would also read exponents, NaN and infinities.
    if not _AMOUNT.fullmatch(cleaned):
        raise fail(msg.MONTANT_ILLISIBLE, saisie=text)
    from decimal import (
        Decimal,  # exact cents; imported here, off the read commands' start-up
    )

    value = Decimal(cleaned)
    if value > MAX_TARIF_EUROS:
        raise fail(msg.MONTANT_TROP_ELEVE, saisie=text, plafond=f"{MAX_TARIF_EUROS:,}".replace(",", " "))
    return int((value * 100).quantize(Decimal(1)))


def parse_planned_hours(text: str) -> int:
    """Planned hours → minutes, at most 24 hours (L6313-4 al. 5)."""
    raw = text.strip()
    if raw.startswith("-"):
        raise fail(msg.HEURES_NEGATIVES, saisie=text)
    if raw in ("0", "0,0", "0.0"):
        return 0
    try:
        minutes = parse_duration(raw)
    except Exception:
        raise fail(msg.HEURES_ILLISIBLES, saisie=text) from None
    if minutes > MAX_MINUTES:
        raise fail(msg.HEURES_MAX, heures=raw.replace(".", ","))
    return minutes


def validate_admin(field: str, text: str | None) -> str | int | None:
    """Check one administrative value and return it in its stored form; `None` or blank
    clears an optional field."""
    raw = (text or "").strip()
    if not raw:
        if field in REQUIRED_FIELDS:
            raise fail(msg.NOM_VIDE, champ=msg.FIELD_LABELS.get(field, field).lower())
        return None
    if field in ENUMS:
        return parse_enum(field, raw)
    if field == "tarif":
        return parse_amount(raw)
    if field == "heures_prevues":
        return parse_planned_hours(raw)
    if field == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", raw):
        raise fail(msg.EMAIL_INVALIDE, saisie=raw)
    return raw


def is_content(field: str) -> bool:
    return field in CONTENT_FIELDS


def optional_text(text: str | None) -> str | None:
    """A free text given as an option (notes, a motive, a comment): blank means none."""
    return text if text is not None and text.strip() else None


def opening(typed: dict[str, str | None], on) -> "Opening":
    """`bilan new`: the administrative values as stored; nom and prénom are required."""

    admin = {k: validate_admin(k, v) for k, v in typed.items() if v is not None or k in REQUIRED_FIELDS}
    return Opening(on, admin)
