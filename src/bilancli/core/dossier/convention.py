"""The tripartite convention of R6313-8 and its ten-day acceptance delay."""

from __future__ import annotations

from collections import namedtuple
from datetime import date

from bilancli import messages as msg
from bilancli.core.changes import ConventionSent, RowsUpdated
from bilancli.core.choices import parse_choice
from bilancli.core.dates import days_later, format_date, require_not_future
from bilancli.core.dossier.guards import require_open
from bilancli.core.model import Bilan, Convention
from bilancli.errors import fail

SOURCE = "R6313-8"
ACCEPTANCE_DAYS = 10  # "un délai de dix jours à compter de la transmission"
# Financings under which the employer's plan or a congé de reclassement pays: a convention is due.
FINANCINGS_NEEDING_CONVENTION = ("plan", "reclassement")

# How the signed convention kept as evidence was signed (SPEC §4).
PROOF_METHODS = ("manuscrite", "electronique")

STATUS_NOT_REQUIRED = "non_requise"
STATUS_TO_SEND = "a_transmettre"
STATUS_PENDING = "en_attente"
STATUS_SIGNED = "signee"
STATUS_REFUSED = "refusee"


def is_required(financement: str | None) -> bool:
    return financement in FINANCINGS_NEEDING_CONVENTION


def deadline(convention: Convention) -> date | None:
    """Last day the employee may sign: transmission + 10 days."""
    if convention.sent_on is None:
        return None
    return days_later(convention.sent_on, ACCEPTANCE_DAYS)


def status(bilan: Bilan, today: date) -> str:
    """Where the convention stands today; silence past the deadline is a refusal. The one
    shown is always the one the current financing requires."""
    conv = bilan.convention
    if not is_required(bilan.financement):
        return STATUS_NOT_REQUIRED
    if conv.signed_on is not None:
        # A signature past the ten days cannot stand (the sign command refuses it anyway).
        limit = deadline(conv)
        return STATUS_SIGNED if limit is None or conv.signed_on <= limit else STATUS_REFUSED
    if conv.sent_on is None:
        return STATUS_TO_SEND
    if today > deadline(conv):
        return STATUS_REFUSED
    return STATUS_PENDING


def check_render(bilan: Bilan) -> None:
    """The R6313-8 convention exists only where the financing asks for one (also once signed)."""
    if bilan.financement is None:
        raise fail(msg.CONVENTION_FINANCEMENT_ABSENT, id=bilan.id, source=SOURCE)
    if not is_required(bilan.financement):
        raise fail(msg.CONVENTION_NON_REQUISE, id=bilan.id, financement=bilan.financement)
    # The convention is between employer, employee and provider: without the employer it
    # would print « L'employeur : non renseigné ».
    if not (bilan.employeur or "").strip():
        raise fail(msg.CONVENTION_SANS_EMPLOYEUR, id=bilan.id, source=SOURCE)


def _require_convention(bilan: Bilan) -> None:
    require_open(bilan)
    if not is_required(bilan.financement):
        raise fail(msg.CONVENTION_NON_REQUISE, id=bilan.id,
                   financement=bilan.financement or msg.NON_RENSEIGNE)
    if bilan.convention.signed_on is not None:
        raise fail(msg.CONVENTION_DEJA_SIGNEE, id=bilan.id,
                   signee=format_date(bilan.convention.signed_on))


def send(bilan: Bilan, on: date, today: date) -> ConventionSent:
    """A (new) draft may be sent while none is signed; its signing deadline comes with it."""
    _require_convention(bilan)
    require_not_future(on, today, msg.QUOI_TRANSMISSION)
    return ConventionSent(bilan.id, on, deadline(Convention(sent_on=on)))


class Proof(namedtuple("Proof", "content method sha256")):
    """The signed convention as kept: its bytes, how it was signed, their SHA-256."""

    __slots__ = ()


def parse_method(text: str | None) -> str:
    return parse_choice(text or PROOF_METHODS[0], PROOF_METHODS, msg.METHODE_INCONNUE)


def proof(content: bytes, method_text: str | None, shown_name: str) -> Proof:
    """The file read for `--preuve`, kept as it is; an empty file proves nothing."""
    import hashlib

    method = parse_method(method_text)
    if not content:
        raise fail(msg.PREUVE_VIDE, fichier=shown_name)
    return Proof(content, method, hashlib.sha256(content).hexdigest())


def _proof_values(kept: Proof | None) -> dict:
    if kept is None:
        return {}
    return {"preuve": kept.content, "preuve_methode": kept.method, "preuve_sha256": kept.sha256,
            "preuve_taille": len(kept.content)}


def attaches_proof(bilan: Bilan, on: date | None, kept: Proof | None) -> bool:
    """A signature already recorded with no proof yet: `sign --preuve` (without another
    date) joins the signed copy received since."""
    conv = bilan.convention
    return (kept is not None and conv.signed_on is not None and not conv.has_proof
            and on in (None, conv.signed_on))


def sign(bilan: Bilan, on: date | None, today: date, kept: Proof | None = None) -> RowsUpdated:
    """The employee signs after the transmission and within ten days; silence is refusal.
    `kept`: the signed convention, stored with its hash as administrative evidence."""
    if attaches_proof(bilan, on, kept):
        if bilan.anonymised_on:
            raise fail(msg.BILAN_ANONYMISE, id=bilan.id)
        return RowsUpdated("conventions", _proof_values(kept), {"bilan_id": bilan.id})
    on = on or today
    _require_convention(bilan)
    require_not_future(on, today, msg.QUOI_SIGNATURE)
    conv = bilan.convention
    if conv.sent_on is None:
        raise fail(msg.CONVENTION_NON_TRANSMISE, id=bilan.id)
    if on < conv.sent_on:
        raise fail(msg.CONVENTION_SIGNEE_AVANT, date=format_date(on),
                   transmise=format_date(conv.sent_on))
    limit = deadline(conv)
    if on > limit:
        raise fail(msg.CONVENTION_HORS_DELAI, date=format_date(on),
                   transmise=format_date(conv.sent_on), echeance=format_date(limit))
    return RowsUpdated("conventions", {"signee": on, **_proof_values(kept)}, {"bilan_id": bilan.id})


def check_proof_readable(bilan: Bilan) -> None:
    """`convention preuve`: there is one, and it was not destroyed with the record."""
    if not bilan.convention.has_proof:
        if bilan.anonymised_on:
            raise fail(msg.PREUVE_DETRUITE, id=bilan.id, date=format_date(bilan.anonymised_on))
        raise fail(msg.PREUVE_ABSENTE, id=bilan.id)


def proof_json(convention: Convention) -> dict | None:
    """`show`'s `convention.preuve`: null when none is kept or once destroyed."""
    if not convention.has_proof:
        return None
    return {"methode": convention.proof_method, "sha256": convention.proof_sha256,
            "taille": convention.proof_size}


def check_financing_change(bilan: Bilan, financement: str | None) -> None:
    """Once the bilan has begun (its first entretien), a financing that would change whether a
    convention is required is refused: the convention precedes the bilan (R6313-8). A
    financing never set counts as needing none."""
    if bilan.entretiens and is_required(bilan.financement) != is_required(financement):
        raise fail(msg.FINANCEMENT_FIGE, id=bilan.id,
                   avant=msg.FINANCEMENT_LABELS.get(bilan.financement, msg.NON_RENSEIGNE),
                   apres=msg.FINANCEMENT_LABELS.get(financement, msg.NON_RENSEIGNE), source=SOURCE)
