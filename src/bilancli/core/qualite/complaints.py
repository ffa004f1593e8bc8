"""The register of réclamations a Qualiopi auditor asks for (indicators 31 and 32).

A réclamation is received (date, origin, channel, object), answered by a deadline
(`[qualite] delai_reponse`, default 30 days), then closed with the corrective action taken.
Its texts are a quality record, destroyed three years after the closing (`core.archives`);
its dates stay for the register's counts.
"""

from __future__ import annotations

from datetime import date, timedelta

from bilancli import messages as msg
from bilancli.core.changes import ComplaintAnswered, ComplaintClosed, ComplaintReceived
from bilancli.core.choices import parse_choice
from bilancli.core.dates import format_date, iso, require_not_future
from bilancli.core.dossier.fields import optional_text
from bilancli.core.facturation.billing import parse_days
from bilancli.core.facturation.ledger import Complaint, RegisterNumber
from bilancli.errors import fail

SOURCE = "Qualiopi indicateur 31"
ORIGINS = ("beneficiaire", "employeur", "financeur", "autre")
CHANNELS = ("courriel", "courrier", "telephone", "oral", "autre")
DEFAULT_ANSWER_DELAY = "30 jours"
OPEN, ANSWERED, CLOSED = "ouverte", "repondue", "close"


def parse_origin(text: str) -> str:
    return parse_choice(text, ORIGINS, msg.ORIGINE_INCONNUE)


def parse_channel(text: str) -> str:
    return parse_choice(text, CHANNELS, msg.CANAL_INCONNU)


NUMBERS = RegisterNumber("R", 3)


def parse_number(text: str) -> str:
    found = NUMBERS.parse(text)
    if found is None:
        raise fail(msg.RECLAMATION_NUMERO_MALFORME, saisie=text)
    return NUMBERS.format(*found)


def format_number(year: int, rank: int) -> str:
    return NUMBERS.format(year, rank)


def answer_delay_days(qualite: dict) -> int:
    """`[qualite] delai_reponse` in days (at least one)."""

    return parse_days(qualite.get("delai_reponse", DEFAULT_ANSWER_DELAY), "qualite",
                      "delai_reponse", minimum=1, source=SOURCE)


def _text(text: str | None, what: str) -> str:
    if text is None or not text.strip():
        raise fail(msg.RECLAMATION_TEXTE_VIDE, quoi=what)
    return text.strip()


def receive(bilan_id: str | None, on: date, today: date, origin: str, channel: str, objet: str,
            delay_days: int, opened_on: date | None = None) -> ComplaintReceived:
    """`reclamation add`: its answer falls due `delay_days` after receipt."""
    require_not_future(on, today, msg.QUOI_RECLAMATION)
    if opened_on is not None and on < opened_on:
        raise fail(msg.RECLAMATION_AVANT_OUVERTURE, date=format_date(on), id=bilan_id,
                   ouverture=format_date(opened_on))
    return ComplaintReceived(bilan_id, on, origin, channel, _text(objet, "--objet"),
                             on + timedelta(days=delay_days))


def status(c: Complaint) -> str:
    if c.close_le:
        return CLOSED
    return ANSWERED if c.repondue_le else OPEN


def answer_late(c: Complaint, today: date) -> bool:
    """Still unanswered once its deadline has passed."""
    return c.repondue_le is None and c.echeance < today


def answer(c: Complaint, on: date, today: date, text: str) -> ComplaintAnswered:
    if c.repondue_le:
        raise fail(msg.RECLAMATION_DEJA_REPONDUE, numero=c.numero, date=format_date(c.repondue_le))
    require_not_future(on, today, msg.QUOI_REPONSE_RECLAMATION)
    if on < c.date:
        raise fail(msg.RECLAMATION_AVANT_RECEPTION, date=format_date(on), numero=c.numero,
                   recue=format_date(c.date))
    return ComplaintAnswered(c.numero, on, _text(text, "--reponse"))


def close(c: Complaint, on: date, today: date, action: str | None) -> ComplaintClosed:
    """Closed once answered, with the corrective action taken if any (indicator 32)."""

    if c.close_le:
        raise fail(msg.RECLAMATION_DEJA_CLOSE, numero=c.numero, date=format_date(c.close_le))
    if not c.repondue_le:
        raise fail(msg.RECLAMATION_SANS_REPONSE, numero=c.numero)
    require_not_future(on, today, msg.QUOI_CLOTURE_RECLAMATION)
    if on < c.repondue_le:
        raise fail(msg.RECLAMATION_CLOSE_AVANT_REPONSE, date=format_date(on), numero=c.numero,
                   repondue=format_date(c.repondue_le))
    text = optional_text(action)
    return ComplaintClosed(c.numero, on, text.strip() if text else None)


def register_row(c: Complaint) -> dict:
    """One line of `reclamation list --json`: dates and codes, never the texts."""
    return {"numero": c.numero, "date": iso(c.date), "bilan": c.bilan_id, "origine": c.origine,
            "canal": c.canal, "statut": status(c), "repondue_le": iso(c.repondue_le),
            "close_le": iso(c.close_le)}


def detail(c: Complaint) -> dict:
    """`reclamation show --json`: the register's line, its deadline and its texts."""
    row = register_row(c)
    row.update(echeance=iso(c.echeance), objet=c.objet, reponse=c.reponse, action=c.action,
               textes_detruits_le=iso(c.textes_detruits_le))
    return row


def year_counts(complaints, year: int) -> dict:
    """`stats`: received in the year, how many of them closed, mean days to closing."""
    received = [c for c in complaints if c.date.year == year]
    closed = [c for c in received if c.close_le]
    days = [(c.close_le - c.date).days for c in closed]
    return {"recues": len(received), "closes": len(closed),
            "delai_moyen_jours": round(sum(days) / len(days), 1) if days else None}
