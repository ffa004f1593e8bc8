"""The year's figures over snapshots: who counts in which year."""

from datetime import date

from bilancli.core.qualite.stats import year_figures
from bilancli.core.summary import Summary

TODAY = date(2026, 12, 31)


def bilan(bid, phase, opened, fin=None, **extra):
    start = extra.pop("first_entretien", opened)
    return Summary(id=bid, phase=phase, date_ouverture=opened, date_fin=fin,
                   first_entretien=start, last_entretien=start, **extra)


def test_counts_follow_opening_and_end_years():
    bilans = [
        bilan("2025-001", "termine", date(2025, 11, 3), date(2026, 2, 10), statut="salarie",
              financement="cpf", tarif_cents=180000, satisfaction={"fin": 5}),
        bilan("2026-001", "abandonne", date(2026, 1, 5), date(2026, 3, 1), financement="cpf",
              tarif_cents=180000, heures_prevues_minutes=1200, minutes_delivered=300),
        bilan("2026-002", "investigation", date(2026, 4, 1)),
        bilan("2026-003", "termine", date(2026, 5, 1), date(2027, 1, 15)),
    ]
    held = {"2025-001": 240, "2026-001": 300, "2026-002": 90}
    f = year_figures(bilans, 2026, held, TODAY)
    assert (f["ouverts"], f["termines"], f["abandonnes"]) == (3, 1, 1)
    assert f["taux_achevement"] == 0.5
    assert f["heures"] == 10.5
    assert f["par_statut"]["salarie"] == {"beneficiaires": 1, "heures": 4.0}
    assert f["par_statut"]["non_renseigne"] == {"beneficiaires": 2, "heures": 6.5}
    # An abandonment earns the share of hours delivered: 5 h of 20 h planned.
    assert f["par_financement"]["cpf"] == {"bilans": 2, "chiffre_affaires": 1800 + 450}
    assert f["satisfaction"]["fin"]["moyenne"] == 5
    assert f["satisfaction"]["fin"]["taux_reponse"] == 0.5


def test_no_ended_bilan_gives_null_rates_not_zero():
    f = year_figures([bilan("2026-001", "preliminaire", date(2026, 1, 5))], 2026, {}, TODAY)
    assert f["taux_achevement"] is None
    assert f["satisfaction"]["fin"] == {"moyenne": None, "reponses": 0, "interroges": 0,
                                        "taux_reponse": None}


def test_six_month_response_rate_counts_only_questionnaires_already_due():
    due = bilan("2026-001", "termine", date(2026, 1, 5), date(2026, 3, 31), satisfaction={"suivi": 3})
    silent = bilan("2026-002", "termine", date(2026, 1, 5), date(2026, 5, 15))
    not_yet = bilan("2026-003", "termine", date(2026, 1, 5), date(2026, 9, 1))
    f = year_figures([due, silent, not_yet], 2026, {}, date(2026, 12, 1))
    assert f["satisfaction"]["suivi"] == {"moyenne": 3, "reponses": 1, "interroges": 2,
                                          "taux_reponse": 0.5}


def test_abandoned_before_any_entretien_is_not_asked_the_end_questionnaire():
    never = bilan("2026-001", "abandonne", date(2026, 1, 5), date(2026, 2, 1), first_entretien=None)
    f = year_figures([never], 2026, {}, TODAY)
    assert f["abandonnes"] == 1 and f["satisfaction"]["fin"]["interroges"] == 0
