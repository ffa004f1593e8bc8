"""The view models of the documents, without a store: what each document may show."""

from datetime import date

import pytest

from bilancli.core.model import Bilan, Consent, Convention, Entretien
from bilancli.errors import BilanError
from bilancli.render import context
from bilancli.settings import Config

TODAY = date(2026, 3, 2)
CABINET = {"nom": "MY CAMPUS", "nda": "93840000000", "consultant": "Sophie Lefèvre"}


def a_bilan(**changes) -> Bilan:
    values = dict(
        id="2026-001", nom="Martin", prenom="Élodie", phase="conclusion",
        date_ouverture=date(2026, 1, 12), financement="cpf", heures_prevues_minutes=24 * 60,
        champs={"demande": "Changer de métier", "projet": "   "},
        entretiens=(
            Entretien(1, date(2026, 1, 12), 90, "presentiel", "preliminaire"),
            Entretien(2, date(2026, 2, 1), 120, "visio", "investigation"),
        ),
    )
    values.update(changes)
    return Bilan(**values)


def test_the_synthese_holds_content_fields_and_never_the_working_material():
    view = context.synthese(a_bilan(), Config(CABINET, {}), TODAY)
    assert "entretiens" not in view and "documents" not in view
    assert view["champs"]["demande"] == "Changer de métier"
    assert view["champs"]["projet"] is None        # blank is empty, printed "non renseigné"
    assert view["champs"]["plan_action"] is None
    assert view["bilan"]["heures_realisees"] == "3h30"
    assert view["bilan"]["date_ouverture"] == "12 janvier 2026"
    assert view["date_document"] == "2 mars 2026"
    assert view["bilan"]["financement"] == "Compte personnel de formation (CPF)"


def test_a_missing_cabinet_setting_is_a_clean_blank():
    view = context.synthese(a_bilan(), Config({"nom": "MY CAMPUS"}, {}), TODAY)
    assert view["cabinet"] == {"nom": "MY CAMPUS", "adresse": "", "nda": "", "siret": "", "consultant": "",
                               "representant": "", "telephone": "", "email": "", "referent_handicap": "",
                               "tva_intracommunautaire": ""}


def test_the_follow_up_date_is_six_calendar_months_after_the_end():
    view = context.synthese(a_bilan(date_fin=date(2026, 8, 31)), Config(CABINET, {}), TODAY)
    assert view["suivi"]["date_prevue"] == "28 février 2027"
    assert context.synthese(a_bilan(), Config(CABINET, {}), TODAY)["suivi"]["date_prevue"] is None


def test_conservation_exceptions_follow_active_consents_only():
    consents = {
        "cep": Consent("cep", date(2026, 1, 12)),
        "conservation": Consent("conservation", date(2026, 1, 12), withdrawn_on=date(2026, 2, 1)),
    }
    view = context.synthese(a_bilan(consent_history=tuple(consents.values())), Config(CABINET, {"duree": "2 ans"}), TODAY)
    assert view["conservation"] == {"duree": "2 ans", "cep": True, "accord_suivi": False}
    assert context.synthese(a_bilan(), Config(CABINET, {}), TODAY)["conservation"]["duree"] == "1 an"


def test_the_attendance_sheet_lists_entretiens_in_order_without_notes():
    view = context.emargement(a_bilan(), Config(CABINET), TODAY)
    first, second = view["entretiens"]
    assert first == {
        "numero": 1, "date": "12 janvier 2026", "date_courte": "12/01/2026", "duree": "1h30",
        "modalite": "Présentiel", "phase": "préliminaire", "corrige_le": None,
    }
    assert second["modalite"] == "Visioconférence" and second["duree"] == "2h"


def test_the_convention_carries_the_ten_day_deadline_and_the_price():
    bilan = a_bilan(financement="plan", tarif_cents=180050,
                    convention=Convention(sent_on=date(2026, 1, 5)))
    view = context.convention(bilan, Config(CABINET), TODAY)
    assert view["convention"]["echeance"] == "15 janvier 2026"
    assert view["convention"]["requise"] is True and view["convention"]["source"] == "R6313-8"
    assert view["bilan"]["tarif"] == "1\u202f800,50 €"


def test_an_illegal_conservation_setting_is_refused_citing_r6313_7():
    with pytest.raises(BilanError) as refused:
        context.synthese(a_bilan(), Config(CABINET, {"duree": "5 ans"}), TODAY)
    assert "R6313-7" in str(refused.value) and "5 ans" in str(refused.value)


def test_the_promised_period_is_capped_for_actions_ended_before_the_2023_decree():
    agreement = {"conservation": Consent("conservation", date(2023, 1, 10))}
    old = a_bilan(date_fin=date(2023, 6, 30), consent_history=tuple(agreement.values()))
    assert context.synthese(old, Config(CABINET, {"duree": "3 ans"}), TODAY)["conservation"]["duree"] == "1 an"
    recent = a_bilan(date_fin=date(2026, 2, 27), consent_history=tuple(agreement.values()))
    assert context.synthese(recent, Config(CABINET, {"duree": "18 mois"}), TODAY)["conservation"]["duree"] == "18 mois"
    assert context.synthese(a_bilan(), Config(CABINET, {"duree": "3 ans"}), TODAY)["conservation"]["duree"] == "3 ans"
