"""Warnings that keep a bilan out of trouble: never refusals (SPEC §3). Each is computed on
the bilan as it stands after a change, by the command that caused it, and by `phase show`."""

from __future__ import annotations

from bilancli import messages as msg
from bilancli.core.dates import format_date, format_hours
from bilancli.core.dossier.fields import MAX_MINUTES
from bilancli.core.formats import format_euros, person_key
from bilancli.core.model import Bilan

# R6313-4 as amended in 2026: 13 hours of effective accompaniment at least (the ministry's
# note applies it to every bilan; bilancli warns rather than refuses).
MINIMUM_MINUTES = 13 * 60
MINIMUM_SOURCE = "R6313-4, décret de 2026"
# D6323-1 A (décrets n° 2026-126 et 2026-127): the most CPF rights may pay for one bilan.
CPF_CEILING_CENTS = 1600_00
CPF_SOURCE = "D6323-1 A"
PHASES_TO_COME = {"preliminaire": 2, "investigation": 1, "conclusion": 0}
# Décret n° 2026-127: CPF rights fund no second bilan for the same person within five years.
CPF_REPEAT_YEARS = 5
CPF_REPEAT_SOURCE = "décret n° 2026-127"


def hours_left(bilan: Bilan) -> list[str]:
    """After an entretien: less than an hour per phase still to come within the 24 hours
    (investigation and conclusion each need an entretien, L6313-4 al. 5)."""
    to_come = PHASES_TO_COME.get(bilan.phase, 0)
    left = MAX_MINUTES - bilan.minutes_delivered
    if to_come and left < 60 * to_come:
        return [msg.AVERT_HEURES_RESTANTES.format(reste=format_hours(max(left, 0)), phases=to_come)]
    return []


def after_entretien(bilan: Bilan, numero: int) -> list[str]:
    """After an entretien is recorded: another on the same day (the rendez-vous already
    turned into it by `rdv done`, typed again?), then the hours left."""
    held = next((e for e in bilan.entretiens if e.numero == numero), None)
    found = []
    if held is not None:
        same = [e.numero for e in bilan.entretiens if e.date == held.date and e.numero != numero]
        if same:
            found.append(msg.AVERT_MEME_JOUR.format(
                date=format_date(held.date), numeros=", ".join(f"n° {n}" for n in same),
                numero=numero, id=bilan.id))
    return found + hours_left(bilan)


def below_minimum_delivered(bilan: Bilan) -> list[str]:
    if bilan.minutes_delivered < MINIMUM_MINUTES:
        return [msg.AVERT_13_HEURES_REALISEES.format(realisees=format_hours(bilan.minutes_delivered),
                                                    source=MINIMUM_SOURCE)]
    return []


def record(bilan: Bilan) -> list[str]:
    """After the record changes: planned hours below 13, a CPF tarif above the ceiling."""
    found = []
    planned = bilan.heures_prevues_minutes
    if planned is not None and planned < MINIMUM_MINUTES:
        found.append(msg.AVERT_13_HEURES_PREVUES.format(prevues=format_hours(planned),
                                                        source=MINIMUM_SOURCE))
    if bilan.financement == "cpf" and bilan.tarif_cents and bilan.tarif_cents > CPF_CEILING_CENTS:
        found.append(msg.AVERT_PLAFOND_CPF.format(tarif=format_euros(bilan.tarif_cents),
                                                  plafond=format_euros(CPF_CEILING_CENTS),
                                                  source=CPF_SOURCE))
    return found


def standing(bilan: Bilan) -> list[str]:
    """What `phase show` adds to the cabinet's warnings."""
    found = record(bilan) if bilan.is_open else []
    if bilan.phase == "conclusion":
        found += below_minimum_delivered(bilan)
    return found


def cpf_repeat_since(opened_on):
    """The earliest day another CPF bilan may have ended and still count (five years)."""
    return _years_before(opened_on, CPF_REPEAT_YEARS)


def _years_before(day, years: int):
    try:
        return day.replace(year=day.year - years)
    except ValueError:   # 29 February
        return day.replace(year=day.year - years, day=28)


def _same_email(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().casefold() == b.strip().casefold())


def second_cpf(bilan_id: str, nom, prenom, email, opened_on, others) -> list[str]:
    """A CPF bilan for a person who has another CPF bilan opened or ended within five years
    (same nom and prénom, accents and case ignored, or same email). `others`: (id, nom,
    prénom, email, date_ouverture, date_fin) of the store's CPF bilans."""
    who = person_key(nom, prenom)
    since, until = _years_before(opened_on, CPF_REPEAT_YEARS), _years_before(opened_on, -CPF_REPEAT_YEARS)
    found = [(o_opened, other_id, o_ended)
             for other_id, o_nom, o_prenom, o_email, o_opened, o_ended in others
             if other_id != bilan_id
             and (person_key(o_nom, o_prenom) == who or _same_email(email, o_email))
             and any(d is not None and since <= d <= until for d in (o_opened, o_ended))]
    if not found:
        return []
    # One warning, naming the latest of them (and how many more): never one line each.
    o_opened, other_id, o_ended = max(found, key=lambda f: (f[0], f[1]))
    fin = msg.AVERT_SECOND_CPF_FIN.format(date=format_date(o_ended)) if o_ended else ""
    if len(found) > 1:
        fin += msg.AVERT_SECOND_CPF_AUTRES.format(nombre=len(found) - 1)
    return [msg.AVERT_SECOND_CPF.format(autre=other_id, ouverture=format_date(o_opened), fin=fin,
                                        annees=CPF_REPEAT_YEARS, source=CPF_REPEAT_SOURCE)]


def synthese_handed_over_on(bilan: Bilan):
    """The day the last synthèse rendered in conclusion was handed over: the end of the bilan
    it states (`remise`). A rendering or the copy kept of it says so."""
    days = [r.created_on for r in bilan.renderings
            if r.kind == "synthese" and r.phase == "conclusion" and r.created_on]
    days += [d.created_on for d in bilan.documents
             if d.type == "synthese" and d.phase == "conclusion" and d.created_on]
    return max(days, default=None)


def synthese_states_another_end(bilan: Bilan) -> list[str]:
    """SPEC §3: the synthèse handed over states its day as the end of the bilan; a
    `date_fin` set to another day contradicts it."""
    handed = synthese_handed_over_on(bilan)
    if handed is None or bilan.date_fin is None or handed == bilan.date_fin:
        return []
    return [msg.AVERT_SYNTHESE_AUTRE_FIN.format(remise=format_date(handed),
                                                fin=format_date(bilan.date_fin), id=bilan.id)]


def planned_past_the_end(bilan: Bilan) -> list[str]:
    """A bilan ended while rendez-vous are still planned: held, they would record the
    follow-up interview (R6313-4 3° c), not entretiens of the bilan."""
    numbers = [str(r.numero) for r in bilan.planned_rdv]
    if not numbers or bilan.phase != "termine":
        return []
    return [msg.AVERT_RDV_APRES_FIN.format(id=bilan.id, numeros=", ".join(numbers))]
