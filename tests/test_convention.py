"""The R6313-8 convention and the rules for logging an entretien, without a database."""

from datetime import date

import pytest

from bilancli.core.dossier import convention as conv
from bilancli.core.dossier.entretiens import check_new_entretien, parse_modalite
from bilancli.core.model import Bilan, Consent, Convention, Entretien, PhaseStep
from bilancli.errors import BilanError

SENT = date(2026, 2, 1)
TODAY = date(2026, 3, 2)


def make(financement="plan", convention=Convention(), **kw) -> Bilan:
    return Bilan(id="2026-001", nom="M", prenom="C", phase=kw.pop("phase", "preliminaire"),
                 date_ouverture=date(2026, 1, 15), financement=financement,
                 convention=convention, **kw)


@pytest.mark.parametrize(("convention", "today", "expected"), [
    (Convention(), date(2026, 2, 1), "a_transmettre"),
    (Convention(SENT), date(2026, 2, 11), "en_attente"),
    (Convention(SENT), date(2026, 2, 12), "refusee"),
    (Convention(SENT, date(2026, 2, 11)), date(2026, 6, 1), "signee"),
    (Convention(SENT, date(2026, 2, 12)), date(2026, 6, 1), "refusee"),
])
def test_status_is_computed_from_today(convention, today, expected):
    assert conv.status(make(convention=convention), today) == expected


def test_status_without_a_convention_to_sign():
    assert conv.status(make("cpf"), SENT) == "non_requise"
    assert conv.status(make(None), SENT) == "non_requise"


def test_the_deadline_is_ten_days_after_transmission():
    assert conv.deadline(Convention(date(2026, 2, 25))) == date(2026, 3, 7)
    assert conv.send(make(), SENT, TODAY).deadline == date(2026, 2, 11)


@pytest.mark.parametrize("financement", ["cpf", "personnel", "france-travail", "autre", None])
def test_no_convention_for_other_financings(financement):
    with pytest.raises(BilanError, match="R6313-8"):
        conv.send(make(financement), SENT, TODAY)
    with pytest.raises(BilanError, match="R6313-8"):
        conv.sign(make(financement, Convention(SENT)), SENT, TODAY)


def test_sign_needs_a_transmission_before_it_and_within_ten_days():
    with pytest.raises(BilanError, match="aucun projet"):
        conv.sign(make(), SENT, TODAY)
    with pytest.raises(BilanError, match="précède la transmission"):
        conv.sign(make(convention=Convention(SENT)), date(2026, 1, 31), TODAY)
    with pytest.raises(BilanError, match="vaut refus"):
        conv.sign(make(convention=Convention(SENT)), date(2026, 2, 12), TODAY)
    conv.sign(make(convention=Convention(SENT)), date(2026, 2, 11), TODAY)


def test_a_signed_convention_is_neither_resent_nor_resigned():
    signed = make(convention=Convention(SENT, date(2026, 2, 3)))
    with pytest.raises(BilanError, match="déjà signée"):
        conv.send(signed, date(2026, 2, 5), TODAY)
    with pytest.raises(BilanError, match="déjà signée"):
        conv.sign(signed, date(2026, 2, 5), TODAY)


def test_an_entretien_waits_for_the_signature_when_a_convention_is_needed():
    with pytest.raises(BilanError, match="R6313-8"):
        check_new_entretien(make(), date(2026, 2, 5), 60, TODAY)
    with pytest.raises(BilanError, match="R6313-8"):
        check_new_entretien(make(convention=Convention(SENT)), date(2026, 2, 5), 60, TODAY)
    signed = make(convention=Convention(SENT, date(2026, 2, 3)))
    with pytest.raises(BilanError, match="précède la signature"):
        check_new_entretien(signed, date(2026, 2, 2), 60, TODAY)
    check_new_entretien(signed, date(2026, 2, 3), 60, TODAY)
    check_new_entretien(make("cpf"), date(2026, 2, 3), 60, TODAY)


def test_an_entretien_past_24_hours_is_refused():
    done = (Entretien(1, date(2026, 2, 1), 23 * 60, "visio", "preliminaire"),)
    check_new_entretien(make("cpf", entretiens=done), date(2026, 2, 2), 60, TODAY)
    with pytest.raises(BilanError, match="L6313-4 al. 5"):
        check_new_entretien(make("cpf", entretiens=done), date(2026, 2, 2), 61, TODAY)


def test_an_entretien_is_refused_on_a_closed_bilan_or_before_its_phase():
    with pytest.raises(BilanError, match="clos"):
        check_new_entretien(make("cpf", phase="termine"), date(2026, 2, 2), 60, TODAY)
    inv = make("cpf", phase="investigation", history=(PhaseStep("investigation", date(2026, 2, 10)),))
    with pytest.raises(BilanError, match="précède l'entrée"):
        check_new_entretien(inv, date(2026, 2, 9), 60, TODAY)
    with pytest.raises(BilanError, match="précède l'entrée"):
        check_new_entretien(make("cpf"), date(2026, 1, 14), 60, TODAY)


def test_modalities():
    assert parse_modalite("Visio") == "visio"
    assert parse_modalite("présentiel") == "presentiel"
    with pytest.raises(BilanError, match="zoom"):
        parse_modalite("zoom")


def test_convention_dates_and_entretiens_are_never_in_the_future():
    with pytest.raises(BilanError, match="03/03/2026"):
        conv.send(make(), date(2026, 3, 3), TODAY)
    conv.send(make(), TODAY, TODAY)
    with pytest.raises(BilanError, match="postérieur à aujourd'hui"):
        conv.sign(make(convention=Convention(date(2026, 3, 1))), date(2026, 3, 3), TODAY)
    with pytest.raises(BilanError, match="l'entretien"):
        check_new_entretien(make("cpf"), date(2026, 3, 3), 60, TODAY)
    check_new_entretien(make("cpf"), TODAY, 60, TODAY)


def test_no_entretien_after_the_bilan_consent_is_withdrawn():
    withdrawn = make("cpf", consent_history=(Consent("bilan", date(2026, 2, 1), date(2026, 2, 10)),))
    with pytest.raises(BilanError, match="L6313-4 al. 2"):
        check_new_entretien(withdrawn, date(2026, 2, 11), 60, TODAY)
    # Held up to the day of the withdrawal: its hours were delivered and may be logged.
    check_new_entretien(withdrawn, date(2026, 2, 10), 60, TODAY)
    # Before any consent, the préliminaire entretien is where it is sought.
    check_new_entretien(make("cpf"), date(2026, 2, 11), 60, TODAY)


@pytest.mark.parametrize("financement", ["cpf", "personnel", "france-travail", "autre", None])
def test_no_convention_document_for_a_financing_that_needs_none(financement):
    with pytest.raises(BilanError, match="R6313-8"):
        conv.check_render(make(financement))


def test_a_convention_is_rendered_again_after_its_signature_or_the_end():
    signed = make("reclassement", Convention(SENT, date(2026, 2, 5)), date_fin=date(2026, 5, 1),
                  employeur="Atelier Rivière")
    conv.check_render(signed)
    conv.check_render(make("plan", employeur="Atelier Rivière"))
