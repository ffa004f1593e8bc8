"""The year's figures: Qualiopi indicator 2 and the BPF (bilans are line F-3 e) — SPEC §7.

Counting rules (written out for the consultant in README.md, "Chiffres de l'année"):
- `ouverts`: bilans whose `date_ouverture` falls in the year;
- `termines`, `abandonnes`, completion, satisfaction, revenue: bilans whose `date_fin`
  falls in the year;
- hours: entretiens held in the year, whatever the bilan's own dates;
- BPF beneficiaries: bilans with at least one entretien held in the year.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import date

from bilancli.core.dossier.fields import FINANCEMENTS, STATUTS
from bilancli.core.qualite import bpf, satisfaction
from bilancli.core.qualite.complaints import year_counts
from bilancli.core.summary import Summary

UNSET = "non_renseigne"  # a bilan whose statut or financement was never filled in


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _mean(notes: list[int]) -> float | None:
    return round(sum(notes) / len(notes), 2) if notes else None


def _survey(asked: list[Summary], moment: str, due, today: date) -> dict:
    """Mean and response rate among the bilans asked, counting only those whose questionnaire
    has fallen due (or was already answered): a questionnaire not yet owed is no silence."""
    eligible = [s for s in asked
                if moment in s.satisfaction or ((day := due(s)) is not None and day <= today)]
    # Sent and not answered (None): asked, so counted among `interroges`, not among answers.
    notes = [s.satisfaction[moment] for s in eligible if s.satisfaction.get(moment) is not None]
    return {"moyenne": _mean(notes), "reponses": len(notes), "interroges": len(eligible),
            "taux_reponse": _rate(len(notes), len(eligible))}


def _follow_ups(done: list[Summary], year: int, today: date,
                due=satisfaction.six_month_due) -> dict:
    """The follow-up interviews owed in the year and already due (Qualiopi indicator 2 for
    bilans: the rate of follow-up interviews held at six months), `done` all completed."""

    owed = [s for s in done if (d := due(s)) is not None and d.year == year and d <= today]
    held = sum(1 for s in owed if s.suivi_on is not None and not s.suivi_not_held)
    not_held = sum(1 for s in owed if s.suivi_not_held)
    return {"dus": len(owed), "realises": held, "non_realises": not_held,
            "taux_realisation": _rate(held, len(owed))}


def results(summaries: list[Summary], ended: list[Summary], year: int, today: date,
            six_month_due=satisfaction.six_month_due) -> dict:
    """Qualiopi indicator 2 as `year_figures` counts it, without the BPF: `ended`, the bilans
    whose `date_fin` falls in `year` (terminés or abandonnés); `six_month_due`, that of
    `satisfaction` or the same worked out once per day (`satisfaction.six_month_dues`)."""
    done = [s for s in ended if s.phase == "termine"]
    dropped = len(ended) - len(done)
    return {
        "termines": len(done), "abandonnes": dropped,
        "taux_achevement": _rate(len(done), len(ended)),
        "satisfaction": {
            "fin": _survey([s for s in ended if satisfaction.end_due(s) is not None], "fin",
                           satisfaction.end_due, today),
            "suivi": _survey(done, "suivi", six_month_due, today),
        },
        "suivi": _follow_ups([s for s in summaries if s.phase == "termine"], year, today,
                             six_month_due),
    }


def revenue_cents(s: Summary) -> int:
    """A completed bilan earns its tarif; an abandoned one the share of hours delivered, as the
    CPF pays a "service fait" pro rata (nothing when the planned hours are unknown)."""
    if not s.tarif_cents:
        return 0
    if s.phase == "termine":
        return s.tarif_cents
    if not s.heures_prevues_minutes:
        return 0
    share = min(1.0, s.minutes_delivered / s.heures_prevues_minutes)
    return round(s.tarif_cents * share)


def year_figures(summaries: Iterable[Summary], year: int, minutes_held: Mapping[str, int],
                 today: date, invoices: Iterable = (), complaints: Iterable = (),
                 remote: Collection[str] = ()) -> dict:
    """`minutes_held`: bilan id → minutes of entretiens held during `year`; `invoices`, the
    invoices and credit notes issued in it (the BPF's products); `complaints`, the
    réclamations received in it; `remote`, the bilans with an entretien at a distance in it."""

    bilans = list(summaries)
    ended = [s for s in bilans if s.date_fin and s.date_fin.year == year
             and s.phase in ("termine", "abandonne")]
    done = [s for s in ended if s.phase == "termine"]
    dropped = [s for s in ended if s.phase == "abandonne"]
    asked_at_end = [s for s in ended if satisfaction.end_due(s) is not None]

    par_statut = {statut: {"beneficiaires": 0, "heures": 0.0} for statut in STATUTS}
    minutes_by_statut: dict[str, int] = {}
    for s in bilans:
        minutes = minutes_held.get(s.id, 0)
        if minutes <= 0:
            continue
        key = s.statut or UNSET
        entry = par_statut.setdefault(key, {"beneficiaires": 0, "heures": 0.0})
        entry["beneficiaires"] += 1
        minutes_by_statut[key] = minutes_by_statut.get(key, 0) + minutes
    for key, minutes in minutes_by_statut.items():
        par_statut[key]["heures"] = round(minutes / 60, 2)

    par_financement = {f: {"bilans": 0, "chiffre_affaires": 0.0} for f in FINANCEMENTS}
    cents_by_financement: dict[str, int] = {}
    for s in ended:
        key = s.financement or UNSET
        entry = par_financement.setdefault(key, {"bilans": 0, "chiffre_affaires": 0.0})
        entry["bilans"] += 1
        cents_by_financement[key] = cents_by_financement.get(key, 0) + revenue_cents(s)
    for key, cents in cents_by_financement.items():
        par_financement[key]["chiffre_affaires"] = cents / 100

    return {
        "annee": year,
        "ouverts": sum(1 for s in bilans if s.date_ouverture.year == year),
        "termines": len(done),
        "abandonnes": len(dropped),
        "heures": round(sum(minutes_held.values()) / 60, 2),
        "taux_achevement": _rate(len(done), len(done) + len(dropped)),
        "satisfaction": {
            "fin": _survey(asked_at_end, "fin", satisfaction.end_due, today),
            "suivi": _survey(done, "suivi", satisfaction.six_month_due, today),
        },
        "suivi": _follow_ups([s for s in bilans if s.phase == "termine"], year, today),
        "par_statut": par_statut,
        "par_financement": par_financement,
        "chiffre_affaires": sum(cents_by_financement.values()) / 100,
        "bpf": bpf.lines(bilans, minutes_held, invoices, year, remote),
        "reclamations": year_counts(complaints, year),
    }
