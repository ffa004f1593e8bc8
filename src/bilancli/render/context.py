"""What each document may show, as plain data for the templates (pure: no I/O, `today` passed in).

The synthèse belongs to the beneficiary (L6313-4 al. 3): its view holds the identity, the
cabinet, dates, hours, financing and the content fields, and nothing else — never entretien
notes nor stored documents, which stay the consultant's working material.
"""

from __future__ import annotations

import re
from datetime import date

from bilancli import messages as msg
from bilancli.core.conservation import retention
from bilancli.core.dates import (
    format_date,
    format_date_long,
    format_day_long,
    format_hours,
    format_minutes,
    format_months,
    format_time,
)
from bilancli.core.dossier import convention as conv
from bilancli.core.dossier.fields import CONTENT_FIELDS
from bilancli.core.dossier.followup import follow_up_due
from bilancli.core.facturation.checkdigits import format_siret
from bilancli.core.formats import format_euros
from bilancli.core.model import Bilan
from bilancli.core.semaine.rdv import find, is_follow_up
from bilancli.messages import (
    FIELD_LABELS,
    FINANCEMENT_LABELS,
    FORMAT_LABELS,
    MODALITE_LABELS,
    PHASE_LABELS,
    STATUT_LABELS,
)
from bilancli.settings import CABINET_KEYS


def _long(day: date | None) -> str | None:
    return format_date_long(day) if day else None


def _hours(minutes: int | None) -> str | None:
    return None if minutes is None else format_minutes(minutes)


def common(bilan: Bilan, cabinet: dict[str, str], today: date) -> dict:
    """Who, which cabinet, which bilan: the part every document shares."""
    full_name = " ".join(x for x in (bilan.prenom, bilan.nom) if x)
    return {
        "cabinet": {key: cabinet.get(key, "") for key in CABINET_KEYS},
        "beneficiaire": {
            "nom": bilan.nom or "", "prenom": bilan.prenom or "", "nom_complet": full_name,
            # How a letter greets them: « Madame », « Monsieur », else « Madame, Monsieur ».
            "civilite": msg.CIVILITE_LABELS.get(bilan.civilite, ""),
            "appel": msg.CIVILITE_LABELS.get(bilan.civilite, msg.CIVILITE_INCONNUE),
            # The ending a word agreeing with them takes: « présente », « présent », or
            # « présent(e) » when no civilité is recorded.
            "accord": {"madame": "e", "monsieur": ""}.get(bilan.civilite, "(e)"),
            "adresse": bilan.adresse or "",
            "statut": STATUT_LABELS.get(bilan.statut, bilan.statut), "employeur": bilan.employeur,
        },
        "bilan": {
            "id": bilan.id,
            "phase": PHASE_LABELS.get(bilan.phase, bilan.phase),
            "date_ouverture": _long(bilan.date_ouverture),
            # The action starts with its first entretien: the day an OPCO reads on the
            # certificat, the invoice and the attendance sheet alike.
            "debut": _long(bilan.entretiens[0].date) if bilan.entretiens else None,
            "date_fin": _long(bilan.date_fin),
            "financement": FINANCEMENT_LABELS.get(bilan.financement, bilan.financement),
            "format": FORMAT_LABELS.get(bilan.format, bilan.format),
            "heures_prevues": _hours(bilan.heures_prevues_minutes),
            "heures_realisees": format_minutes(bilan.minutes_delivered) if bilan.entretiens else "0h",
            "tarif": format_euros(bilan.tarif_cents),
        },
        "date_document": format_date_long(today),
        "non_renseigne": msg.NON_RENSEIGNE,
    }


def synthese(bilan: Bilan, config, today: date) -> dict:
    view = common(bilan, config.cabinet, today)
    view["champs"] = {name: (bilan.champs.get(name) or "").strip() or None for name in CONTENT_FIELDS}
    view["libelles"] = {name: FIELD_LABELS[name] for name in CONTENT_FIELDS}
    # Rendered in conclusion, the synthèse is handed over at the end: that day is its end.
    view["remise"] = format_date_long(today) if bilan.phase == "conclusion" and not bilan.date_fin else None
    view["suivi"] = {
        "date_prevue": _long(follow_up_due(bilan.date_fin)),
        "date_realisee": _long(bilan.suivi_on),
    }
    view["conservation"] = {
        "duree": format_months(_kept_months(bilan, config.conservation, today)),
        "cep": bilan.active_consent("cep") is not None,
        "accord_suivi": bilan.active_consent("conservation") is not None,
    }
    return view


def _kept_months(bilan: Bilan, conservation: dict[str, str], today: date) -> int:
    """The period the synthèse promises: the setting, refused when illegal (R6313-7), capped
    at what the law allowed when the action ended."""
    settings = retention.settings_from_config(conservation, today)
    # A bilan still running ends today at the earliest, under the law in force today.
    return retention.period_for(bilan.date_fin or today, settings)


def convention(bilan: Bilan, config, today: date, employer=None) -> dict:
    """`employer`: the registered organisme the bilan's `employeur` names, whose address and
    SIRET the convention states (SPEC §10)."""

    view = common(bilan, config.cabinet, today)
    if employer is not None:   # named as the directory spells it
        view["beneficiaire"]["employeur"] = employer.nom
    view["employeur"] = {
        "nom": view["beneficiaire"]["employeur"] or "",
        "adresse": employer.adresse if employer else "",
        "siret": format_siret(employer.siret) if employer and employer.siret else "",
    }
    c = bilan.convention
    view["convention"] = {
        "requise": conv.is_required(bilan.financement),
        "transmise": _long(c.sent_on),
        "echeance": _long(conv.deadline(c)),
        "signee": _long(c.signed_on),
        "delai_jours": conv.ACCEPTANCE_DAYS,
        "source": conv.SOURCE,
    }
    return view


def emargement(bilan: Bilan, config, today: date) -> dict:
    """The attendance sheet: when, how long, how — the proof funders ask for; never the notes."""
    view = common(bilan, config.cabinet, today)
    corrected = {c.objet: c.date for c in bilan.corrections}   # the latest correction of each
    view["entretiens"] = [
        {
            "numero": e.numero or number, "date": format_date_long(e.date),
            "date_courte": format_date(e.date), "duree": format_minutes(e.minutes),
            "modalite": MODALITE_LABELS.get(e.modalite, e.modalite),
            "phase": PHASE_LABELS.get(e.phase, e.phase),
            "corrige_le": _long(corrected.get(f"entretien {e.numero}")),
        }
        for number, e in enumerate(bilan.entretiens, start=1)
    ]
    view["retires"] = [
        {"numero": c.objet.split()[-1], "le": _long(c.date)}
        for c in bilan.corrections if c.apres is None
    ]
    return view


def convocation(bilan: Bilan, config, today: date, numero: int) -> dict:
    """The beneficiary's convocation to rendez-vous `numero`: when, how long, where or how,
    how to move it, whom to ask for an adaptation (Qualiopi indicator 26). Administrative:
    no content field, no note, nothing said in the entretiens."""

    view = common(bilan, config.cabinet, today)
    view["beneficiaire"].update(email=bilan.email or "", telephone=bilan.telephone or "")
    rdv = find(bilan, numero)
    view["rdv"] = {
        "numero": rdv.numero,
        "jour": format_day_long(rdv.debut.date()),
        "date": format_date_long(rdv.debut.date()),
        "date_courte": format_date(rdv.debut.date()),
        "heure": format_time(rdv.debut),
        "fin": format_time(rdv.fin),
        "duree": format_minutes(rdv.minutes),
        "modalite": rdv.modalite,
        "modalite_libelle": MODALITE_LABELS.get(rdv.modalite, rdv.modalite),
        "lieu": rdv.lieu or config.cabinet.get("adresse", ""),
        "lien": rdv.lien or "",
        "suivi": is_follow_up(bilan.phase, bilan.date_fin, rdv),
        "deplace": rdv.moves > 0,
    }
    return view


_POSTCODE_CITY = re.compile(r"\b\d{5}\s+(.+)$")


def _city(address: str) -> str:
    """« 74 rue Jean Bouin, 84800 L'Isle-sur-la-Sorgue » → « L'Isle-sur-la-Sorgue »."""
    match = _POSTCODE_CITY.search(address.strip())
    return match.group(1).strip() if match else ""


def _hours_in_words(minutes: int) -> str:
    """`450` → « 7,5 heures », `90` → « 1,5 heure » (singular below two, in French)."""
    singular, plural = msg.UNITES_HEURE
    return f"{format_hours(minutes)} {singular if minutes < 120 else plural}"


def certificat(bilan: Bilan, config, today: date) -> dict:
    """The ministry's certificat de réalisation: the period from the first to the last
    entretien and the hours delivered (of which at a distance) — administrative, no content."""
    view = common(bilan, config.cabinet, today)
    dates = [e.date for e in bilan.entretiens]
    distance = sum(e.minutes for e in bilan.entretiens if e.modalite != "presentiel")
    view["certificat"] = {
        "debut": format_date_long(min(dates)), "fin": format_date_long(max(dates)),
        "heures": _hours_in_words(bilan.minutes_delivered),
        "heures_distance": _hours_in_words(distance) if distance else None,
        "lieu": _city(config.cabinet.get("adresse", "")),
        "abandon": bilan.phase == "abandonne",
    }
    return view


# Each document rendered for a bilan → what its template may show (bilan, config, today, and
# what within the bilan it is about: a convocation's rendez-vous `numero`).
BUILDERS = {"synthese": synthese, "convention": convention, "emargement": emargement,
            "convocation": convocation, "certificat": certificat}
