"""When a consent may be recorded or withdrawn, and the one reusable check on dates."""

from datetime import date

import pytest

from bilancli.core.dates import require_not_future
from bilancli.core.dossier import consents, followup
from bilancli.core.facturation import edof
from bilancli.core.model import Bilan, Consent
from bilancli.core.qualite import satisfaction
from bilancli.errors import BilanError

OPENED, TODAY = date(2026, 3, 1), date(2026, 6, 1)


def make(**kw) -> Bilan:
    return Bilan(id="2026-001", nom="M", prenom="C", phase=kw.pop("phase", "preliminaire"),
                 date_ouverture=OPENED, **kw)


def test_require_not_future_names_both_dates_and_what_they_record():
    require_not_future(TODAY, TODAY, "l'abandon")
    require_not_future(date(2020, 1, 1), TODAY, "l'abandon")
    with pytest.raises(BilanError) as err:
        require_not_future(date(2026, 6, 2), TODAY, "l'abandon")
    assert "l'abandon" in err.value.message
    assert "02/06/2026" in err.value.message and "01/06/2026" in err.value.message


@pytest.mark.parametrize("kind", ["bilan", "conservation", "cep", "employeur"])
def test_a_consent_lies_between_the_opening_and_today(kind):
    consents.give(make(), kind, OPENED, TODAY)
    consents.give(make(), kind, TODAY, TODAY)
    with pytest.raises(BilanError, match="précède l'ouverture"):
        consents.give(make(), kind, date(2026, 2, 28), TODAY)
    with pytest.raises(BilanError, match="postérieur à aujourd'hui"):
        consents.give(make(), kind, date(2026, 6, 2), TODAY)


@pytest.mark.parametrize("kind", ["conservation", "cep"])
def test_keeping_documents_is_agreed_before_the_end_of_the_action(kind):
    ended = make(phase="termine", date_fin=date(2026, 4, 30))
    consents.give(ended, kind, date(2026, 4, 30), TODAY)
    with pytest.raises(BilanError, match="R6313-7"):
        consents.give(ended, kind, date(2026, 5, 1), TODAY)
    consents.give(ended, "employeur", date(2026, 5, 1), TODAY)


def test_a_withdrawal_follows_the_consent_and_is_allowed_after_the_end():
    given = make(phase="termine", date_fin=date(2026, 4, 30),
                 consent_history=(Consent("cep", date(2026, 4, 1)),))
    consents.withdraw(given, "cep", date(2026, 5, 15), TODAY)
    with pytest.raises(BilanError, match="précède le consentement"):
        consents.withdraw(given, "cep", date(2026, 3, 31), TODAY)
    with pytest.raises(BilanError, match="postérieur à aujourd'hui"):
        consents.withdraw(given, "cep", date(2026, 6, 2), TODAY)
    with pytest.raises(BilanError, match="rien à retirer"):
        consents.withdraw(given, "conservation", TODAY, TODAY)
    withdrawn = make(consent_history=(Consent("cep", OPENED, withdrawn_on=OPENED),))
    with pytest.raises(BilanError, match="rien à retirer"):
        consents.withdraw(withdrawn, "cep", TODAY, TODAY)


def test_follow_up_records_are_not_in_the_future():
    ended = make(phase="termine", date_fin=date(2026, 4, 30), financement="cpf")
    followup.hold(ended, TODAY, None, TODAY)
    with pytest.raises(BilanError, match="l'entretien de suivi"):
        followup.hold(ended, date(2026, 11, 2), None, TODAY)
    edof.declare(ended, "sortie", TODAY, TODAY)
    with pytest.raises(BilanError, match="EDOF"):
        edof.declare(ended, "sortie", date(2026, 6, 2), TODAY)
    running = make(phase="conclusion")
    satisfaction.answer(running, "fin", 4, None, TODAY, TODAY)
    with pytest.raises(BilanError, match="questionnaire"):
        satisfaction.answer(running, "fin", 4, None, date(2026, 6, 2), TODAY)
